import { ApiError, errorResponse } from "@/lib/http/api-error";
import { getMembership, type Membership } from "@/lib/auth/session";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { parseRouteParams } from "@/lib/http/parse-route-params";

export interface SessionRouteContext<Params> {
  request: Request;
  membership: Membership;
  params: Params;
}

type Handler<Params> = (context: SessionRouteContext<Params>) => Promise<Response>;

/** The one wrapper for session routes: origin check, membership, ids in the path, error mapping. */
export function withSessionRoute<Params = Record<string, never>>(handler: Handler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const membership = await getMembership();
      if (!membership) throw new ApiError("UNAUTHORIZED", "Sign in to continue");
      return await handler({ request, membership, params: parseRouteParams(await context.params) });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
