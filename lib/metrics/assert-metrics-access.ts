import { createHash, timingSafeEqual } from "node:crypto";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { readBearerToken } from "@/lib/http/read-bearer-token";

const digest = (text: string) => createHash("sha256").update(text).digest();

/** Whether `token` is METRICS_TOKEN, compared in constant time (as digests, so lengths do not leak). */
function isMetricsToken(token: string | null): boolean {
  return env.METRICS_TOKEN !== undefined && token !== null && timingSafeEqual(digest(token), digest(env.METRICS_TOKEN));
}

/**
 * The operator's access to metrics (the portal's GET /api/metrics, a worker's GET /metrics):
 * `Authorization: Bearer <METRICS_TOKEN>`. With METRICS_TOKEN unset there are no metrics (404), so
 * an unconfigured deployment shows nothing about its queue or traffic; a missing or wrong token is a 401.
 */
export function assertMetricsAccess(authorization: string | null): void {
  if (env.METRICS_TOKEN === undefined)
    throw new ApiError("RESOURCE_NOT_FOUND", "Metrics are off: set METRICS_TOKEN to turn them on");
  if (!isMetricsToken(readBearerToken(authorization))) {
    throw new ApiError("UNAUTHORIZED", "Send METRICS_TOKEN as Authorization: Bearer <token>", {
      headers: { "www-authenticate": 'Bearer realm="metrics"' },
    });
  }
}
