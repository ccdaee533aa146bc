import { getClientAddress } from "@/lib/http/get-client-address";
import { assertDeclaredBodySize, readCappedRequest } from "@/lib/http/read-capped-body";
import { addressKey } from "@/lib/rate-limit/address-key";
import { assertWithinLimit, type LimitMessage } from "@/lib/rate-limit/assert-within-limit";
import type { RateLimit } from "@/lib/rate-limit/create-rate-limit";
import { assertSameOrigin } from "./assert-same-origin";
import { errorResponse } from "./error-response";
import { maxBodyBytes, noStoreByDefault, type RouteOptions, withPolicy } from "./route-options";

type Handler = (context: { request: Request }) => Promise<Response>;

export interface PublicRouteOptions extends RouteOptions {
  /** Spent once per request by the client's address, before the body is read or any work done. */
  rateLimit?: { limit: RateLimit; message: LimitMessage };
}

/**
 * The wrapper for routes open to anyone (sign-up, health, the OpenAPI document): body cap, origin
 * check on changes, rate limit, error mapping, and `Cache-Control: no-store` unless the route
 * sets its own.
 */
export function withPublicRoute(handler: Handler, options: PublicRouteOptions = {}) {
  const route = async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      assertDeclaredBodySize(request, maxBodyBytes(options));
      assertSameOrigin(request);
      if (options.rateLimit) {
        await assertWithinLimit(
          options.rateLimit.limit,
          addressKey(getClientAddress(request.headers)),
          options.rateLimit.message,
        );
      }
      response = await handler({ request: await readCappedRequest(request, maxBodyBytes(options)) });
    } catch (error) {
      response = errorResponse(error);
    }
    return noStoreByDefault(response);
  };
  return withPolicy(route, { caller: "anyone" });
}
