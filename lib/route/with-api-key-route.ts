import { API_KEY_RATE_LIMIT } from "@/lib/api-keys/api-key-rate-limit";
import { type ApiKeyPrincipal, authenticateApiKey } from "@/lib/api-keys/authenticate-api-key";
import { ApiError } from "@/lib/http/api-error";
import { getClientAddress } from "@/lib/http/get-client-address";
import { parseRouteParams } from "@/lib/http/parse-route-params";
import { readBearerToken } from "@/lib/http/read-bearer-token";
import { assertDeclaredBodySize, readCappedRequest } from "@/lib/http/read-capped-body";
import { addressKey } from "@/lib/rate-limit/address-key";
import { rateLimited } from "@/lib/rate-limit/assert-within-limit";
import { rateLimits } from "@/lib/rate-limit/rate-limits";
import { applyPublicCors } from "./cors";
import { errorResponse } from "./error-response";
import { maxBodyBytes, type RouteOptions, withPolicy } from "./route-options";

export interface ApiKeyRouteContext<Params> extends ApiKeyPrincipal {
  request: Request;
  params: Params;
}

type Handler<Params> = (context: ApiKeyRouteContext<Params>) => Promise<Response>;

function unauthorized(message: string): ApiError {
  // RFC 6750: a 401 names the scheme the client should use.
  return new ApiError("UNAUTHORIZED", message, { headers: { "www-authenticate": 'Bearer realm="jobs-portal"' } });
}

async function authorize(request: Request): Promise<ApiKeyPrincipal> {
  const token = readBearerToken(request.headers.get("authorization"));
  if (!token) throw unauthorized("Missing API key: send it as Authorization: Bearer <key>");
  // An address that keeps presenting wrong keys is refused before any hashing or lookup.
  const address = addressKey(getClientAddress(request.headers));
  const failures = await rateLimits.apiKeyFailuresPerAddress.peek(address);
  if (!failures.allowed)
    throw rateLimited(
      (wait) => `Too many requests with invalid API keys. Try again in ${wait}.`,
      failures.retryAfterSeconds,
    );
  const principal = await authenticateApiKey(token);
  if (!principal) {
    await rateLimits.apiKeyFailuresPerAddress.consume(address);
    throw unauthorized("Invalid or revoked API key");
  }
  const limit = await rateLimits.requestsPerApiKey.consume(principal.apiKeyId);
  if (!limit.allowed)
    throw rateLimited(
      () => `Too many requests: at most ${API_KEY_RATE_LIMIT.ratePerSecond} per second per API key`,
      limit.retryAfterSeconds,
    );
  return principal;
}

/**
 * The one wrapper for /v1 routes (portal API keys): body cap, Bearer authentication, the per-key
 * rate limit, and the error envelope; unknown errors become a logged, masked 500.
 */
export function withApiKeyRoute<Params = Record<string, never>>(handler: Handler<Params>, options: RouteOptions = {}) {
  const route = async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    let response: Response;
    try {
      assertDeclaredBodySize(request, maxBodyBytes(options));
      const principal = await authorize(request);
      const capped = await readCappedRequest(request, maxBodyBytes(options));
      response = await handler({ request: capped, ...principal, params: parseRouteParams(await context.params) });
    } catch (error) {
      response = errorResponse(error);
    }
    // Answers carry presigned links and workspace data: no shared cache may keep them.
    response.headers.set("cache-control", "no-store");
    applyPublicCors(response.headers);
    return response;
  };
  return withPolicy(route, { caller: "api-key" });
}
