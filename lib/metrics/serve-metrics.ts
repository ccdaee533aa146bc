import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { errorEnvelope } from "@/lib/contract/errors";
import { ApiError } from "@/lib/http/api-error";
import { logger } from "@/lib/log/logger";
import { assertMetricsAccess } from "./assert-metrics-access";
import { METRICS_CONTENT_TYPE, renderMetrics } from "./render-metrics";

// A worker process (npm run worker) has no Next.js in it: this small HTTP server answers
// GET /metrics for it, with the same access rule as the portal's GET /api/metrics (METRICS_TOKEN
// as Bearer token, 404 while unset) and the error envelope, so the delivery attempts, latencies
// and pruning a worker does are scraped where they happen.
const NO_STORE = { "cache-control": "no-store" };

function refusal(error: unknown): Response {
  if (error instanceof ApiError)
    return Response.json(errorEnvelope(error.code, error.message), {
      status: error.status,
      headers: { ...NO_STORE, ...error.headers },
    });
  logger.error({ error }, "metrics: unhandled error");
  return Response.json(errorEnvelope("INTERNAL_ERROR", "Internal server error"), { status: 500, headers: NO_STORE });
}

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

async function answer(method: string, url: string, authorization: string | undefined): Promise<Response> {
  try {
    if (new URL(url, "http://worker.invalid").pathname !== "/metrics")
      throw new ApiError("RESOURCE_NOT_FOUND", "Only GET /metrics is served here");
    if (method !== "GET" && method !== "HEAD")
      throw new ApiError("INVALID_REQUEST", "Use GET /metrics", { status: 405 });
    assertMetricsAccess(authorization ?? null);
    return new Response(await renderMetrics(), { headers: { ...NO_STORE, "content-type": METRICS_CONTENT_TYPE } });
  } catch (error) {
    return refusal(error);
  }
}

/** Listens on `port` (0: any free one) at `host` (default every interface) until closed. */
export async function serveMetrics(port: number, host?: string): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    answer(request.method ?? "GET", request.url ?? "/", request.headers.authorization)
      .then(async (answered) => {
        response.writeHead(answered.status, Object.fromEntries(answered.headers));
        response.end(request.method === "HEAD" ? undefined : Buffer.from(await answered.arrayBuffer()));
      })
      .catch(() => response.destroy());
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.address() as AddressInfo).port,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
