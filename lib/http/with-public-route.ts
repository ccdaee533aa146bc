import { errorResponse } from "@/lib/http/api-error";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";

type Handler = (context: { request: Request }) => Promise<Response>;

/** The wrapper for routes open to signed-out visitors (sign-up): origin check and error mapping. */
export function withPublicRoute(handler: Handler) {
  return async (request: Request): Promise<Response> => {
    try {
      assertSameOrigin(request);
      return await handler({ request });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
