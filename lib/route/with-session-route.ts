import { assertScope, type Scope } from "@/lib/auth/roles";
import { getMembership, type Membership } from "@/lib/auth/session";
import { type ReadScope, readFromPrimary, readFromReplica } from "@/lib/db/read-from-replica";
import { ApiError } from "@/lib/http/api-error";
import { parseRouteParams } from "@/lib/http/parse-route-params";
import { assertDeclaredBodySize, readCappedRequest } from "@/lib/http/read-capped-body";
import { readPositionOf } from "@/lib/http/read-position";
import { assertWithinLimit } from "@/lib/rate-limit/assert-within-limit";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { assertSameOrigin } from "./assert-same-origin";
import { errorResponse } from "./error-response";
import { rememberWritePosition } from "./remember-write-position";
import { maxBodyBytes, noStoreByDefault, type RouteOptions, withPolicy } from "./route-options";

export interface SessionRouteContext<Params> {
  request: Request;
  membership: Membership;
  params: Params;
  /** Where the route's reads go: the primary, or — for a route with `reads: "replica"` — the replica when it has this browser's changes (lib/db/read-from-replica.ts). */
  read: ReadScope;
}

type Handler<Params> = (context: SessionRouteContext<Params>) => Promise<Response>;

export interface SessionRouteOptions extends RouteOptions {
  /** What the member's role must allow (lib/auth/roles.ts); every session route names one. */
  scope: Scope;
  /** `replica`: reads that may come from DATABASE_REPLICA_URL (lists, counts, the overview, exports), through `read`. */
  reads?: "primary" | "replica";
}

const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper for session routes: body cap, origin check, ids in the path, membership, the
 * scope the route needs (403 otherwise), the user's budget of changes (every mutating method
 * counts), error mapping, and `Cache-Control: no-store` unless the route sets its own. After a
 * change, the browser's read position is remembered (read-your-writes with a replica). A declared
 * body over the cap is refused first; the body is then read, under the cap, only for a member
 * allowed and within their budget.
 */
export function withSessionRoute<Params = Record<string, never>>(
  handler: Handler<Params>,
  options: SessionRouteOptions,
) {
  const route = async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    let response: Response;
    try {
      assertDeclaredBodySize(request, maxBodyBytes(options));
      assertSameOrigin(request);
      // A malformed id is a 404 before anything is spent on it: no query, no share of the budget.
      const params = parseRouteParams(await context.params);
      // The workspace the request names (the tab's, lib/http/workspace-selector.ts), else the browser's last one.
      const membership = await getMembership(request);
      if (!membership) throw new ApiError("UNAUTHORIZED", "Sign in to continue");
      assertScope(membership, options.scope);
      if (MUTATING_METHODS.has(request.method)) {
        await assertWithinLimit(
          rateLimits.mutationsPerUser,
          membership.userId,
          (wait) => `Too many changes in a short time. Try again in ${wait}.`,
        );
      }
      const capped = await readCappedRequest(request, maxBodyBytes(options));
      const read = options.reads === "replica" ? readFromReplica(readPositionOf(request.headers)) : readFromPrimary;
      response = await handler({ request: capped, membership, params, read });
    } catch (error) {
      response = errorResponse(error);
    }
    if (MUTATING_METHODS.has(request.method)) await rememberWritePosition(response);
    return noStoreByDefault(response);
  };
  return withPolicy(route, { caller: "member", scope: options.scope });
}
