import { ApiError, errorResponse } from "@/lib/http/api-error";
import { getMembership, type Membership } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { assertDeclaredBodySize, readCappedRequest } from "@/lib/http/limit-request-body";
import { maxBodyBytes, type RouteOptions } from "@/lib/http/route-options";
import { assertWithinLimit } from "@/lib/rate-limit/assert-within-limit";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { parseRouteParams } from "@/lib/http/parse-route-params";

export interface SessionRouteContext<Params> {
  request: Request;
  membership: Membership;
  params: Params;
}

type Handler<Params> = (context: SessionRouteContext<Params>) => Promise<Response>;

export type SessionRouteOptions = RouteOptions;

const MUTATING_METHODS = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/**
 * The one wrapper for session routes: body cap, origin check, membership, ids in the path, the user's
 * budget of changes (every mutating method counts), error mapping. A declared body over the cap is refused
 * first; the body is then read, under the cap, only for a member within their budget.
 */
export function withSessionRoute<Params = Record<string, never>>(handler: Handler<Params>, options: SessionRouteOptions = {}) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      assertDeclaredBodySize(request, maxBodyBytes(options));
      assertSameOrigin(request);
      // A malformed id is a 404 before anything is spent on it: no query, no share of the budget.
      const params = parseRouteParams(await context.params);
      const membership = await getMembership();
      if (!membership) throw new ApiError("UNAUTHORIZED", "Sign in to continue");
      if (MUTATING_METHODS.has(request.method)) {
        await assertWithinLimit(rateLimits.mutationsPerUser, membership.userId, (wait) => `Too many changes in a short time. Try again in ${wait}.`);
      }
      const capped = await readCappedRequest(request, maxBodyBytes(options));
      return await handler({ request: capped, membership, params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
