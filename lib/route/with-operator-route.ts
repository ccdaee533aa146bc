import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { readBearerToken } from "@/lib/http/read-bearer-token";
import { errorResponse } from "./error-response";
import { noStoreByDefault, withPolicy } from "./route-options";

type Handler = (context: { request: Request }) => Promise<Response>;

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether `token` is METRICS_TOKEN, compared in constant time (as digests, so lengths do not leak). */
function isMetricsToken(token: string | null): boolean {
  return env.METRICS_TOKEN !== undefined && token !== null && timingSafeEqual(digest(token), digest(env.METRICS_TOKEN));
}

/**
 * The wrapper for the operator's monitoring routes (GET /api/metrics): `Authorization: Bearer
 * <METRICS_TOKEN>`; with METRICS_TOKEN unset the route does not exist (404), so an unconfigured
 * deployment shows nothing about its queue or traffic.
 */
export function withOperatorRoute(handler: Handler) {
  const route = async (request: Request): Promise<Response> => {
    let response: Response;
    try {
      if (env.METRICS_TOKEN === undefined)
        throw new ApiError("RESOURCE_NOT_FOUND", "Metrics are off: set METRICS_TOKEN to turn them on");
      if (!isMetricsToken(readBearerToken(request.headers.get("authorization")))) {
        throw new ApiError("UNAUTHORIZED", "Send METRICS_TOKEN as Authorization: Bearer <token>", {
          headers: { "www-authenticate": 'Bearer realm="metrics"' },
        });
      }
      response = await handler({ request });
    } catch (error) {
      response = errorResponse(error);
    }
    return noStoreByDefault(response);
  };
  return withPolicy(route, { caller: "operator" });
}
