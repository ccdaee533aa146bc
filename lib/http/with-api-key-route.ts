import { API_KEY_RATE_LIMIT, apiKeyRateLimiter } from "@/lib/api-keys/api-key-rate-limit";
import { authenticateApiKey, type ApiKeyPrincipal } from "@/lib/api-keys/authenticate-api-key";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { parseRouteParams } from "@/lib/http/parse-route-params";
import { readBearerToken } from "@/lib/http/read-bearer-token";

export interface ApiKeyRouteContext<Params> extends ApiKeyPrincipal {
  request: Request;
  params: Params;
}

type Handler<Params> = (context: ApiKeyRouteContext<Params>) => Promise<Response>;

function unauthorized(message: string): ApiError {
  // RFC 6750: a 401 names the scheme the client should use.
  return new ApiError("UNAUTHORIZED", message, 401, { "www-authenticate": 'Bearer realm="jobs-portal"' });
}

async function authorize(request: Request): Promise<ApiKeyPrincipal> {
  const token = readBearerToken(request.headers.get("authorization"));
  if (!token) throw unauthorized("Missing API key: send it as Authorization: Bearer <key>");
  const principal = await authenticateApiKey(token);
  if (!principal) throw unauthorized("Invalid or revoked API key");
  const limit = apiKeyRateLimiter.take(principal.apiKeyId);
  if (!limit.allowed) {
    throw new ApiError("RATE_LIMITED", `Too many requests: at most ${API_KEY_RATE_LIMIT.ratePerSecond} per second per API key`, 429, {
      "retry-after": String(limit.retryAfterSeconds),
    });
  }
  return principal;
}

/**
 * The one wrapper for /v1 routes (portal API keys): Bearer authentication, the per-key rate
 * limit, and the seed's error envelope; unknown errors become a logged, masked 500.
 */
export function withApiKeyRoute<Params = Record<string, never>>(handler: Handler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    let response: Response;
    try {
      const principal = await authorize(request);
      response = await handler({ request, ...principal, params: parseRouteParams(await context.params) });
    } catch (error) {
      response = errorResponse(error);
    }
    // Answers carry presigned links and workspace data: no shared cache may keep them.
    response.headers.set("cache-control", "no-store");
    return response;
  };
}
