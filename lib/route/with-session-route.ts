import { assertScope, type Scope } from "@/lib/auth/roles";
import { getMembership, type Membership } from "@/lib/auth/session";
import { ApiError } from "@/lib/http/api-error";
import { parseRouteParams } from "@/lib/http/parse-route-params";
import { assertDeclaredBodySize, readCappedRequest } from "@/lib/http/read-capped-body";
import { assertWithinLimit } from "@/lib/rate-limit/assert-within-limit";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { assertSameOrigin } from "./assert-same-origin";
import { errorResponse } from "./error-response";
import { maxBodyBytes, noStoreByDefault, type RouteOptions, withPolicy } from "./route-options";

export interface SessionRouteContext<Params> {
  request: Request;
  membership: Membership;
  params: Params;
}

type Handler<Params> = (context: SessionRouteContext<Params>) => Promise<Response>;

export interface SessionRouteOptions extends RouteOptions {
  /** What the member's role must allow (lib/auth/roles.ts); every session route names one. */
  scope: Scope;
}

const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper for session routes: body cap, origin check, ids in the path, membership, the
 * scope the route needs (403 otherwise), the user's budget of changes (every mutating method
 * counts), error mapping, and `Cache-Control: no-store` unless the route sets its own. A declared
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
      response = await handler({ request: capped, membership, params });
    } catch (error) {
      response = errorResponse(error);
    }
    return noStoreByDefault(response);
  };
  return withPolicy(route, { caller: "member", scope: options.scope });
}
