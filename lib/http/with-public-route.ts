import { errorResponse } from "@/lib/http/api-error";
import { assertSameOrigin } from "@/lib/http/assert-same-origin";
import { getClientAddress } from "@/lib/http/get-client-address";
import { assertDeclaredBodySize, readCappedRequest } from "@/lib/http/limit-request-body";
import { maxBodyBytes, type RouteOptions } from "@/lib/http/route-options";
import { addressKey } from "@/lib/rate-limit/address-key";
import { assertWithinLimit, type LimitMessage } from "@/lib/rate-limit/assert-within-limit";
import type { RateLimit } from "@/lib/rate-limit/create-rate-limit";

type Handler = (context: { request: Request }) => Promise<Response>;

export interface PublicRouteOptions extends RouteOptions {
  /** Spent once per request by the client's address, before the body is read or any work done. */
  rateLimit?: { limit: RateLimit; message: LimitMessage };
}

/** The wrapper for routes open to signed-out visitors (sign-up): body cap, origin check, rate limit, error mapping. */
export function withPublicRoute(handler: Handler, options: PublicRouteOptions = {}) {
  return async (request: Request): Promise<Response> => {
    try {
      assertDeclaredBodySize(request, maxBodyBytes(options));
      assertSameOrigin(request);
      if (options.rateLimit) {
        await assertWithinLimit(options.rateLimit.limit, addressKey(getClientAddress(request.headers)), options.rateLimit.message);
      }
      return await handler({ request: await readCappedRequest(request, maxBodyBytes(options)) });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
