import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { ApiError } from "@/lib/http/api-error";
import { errorResponse } from "@/lib/route/error-response";
import { withOperatorRoute } from "@/lib/route/with-operator-route";
import { METRICS_CONTENT_TYPE, renderMetrics } from "./render-metrics";

// A worker process (npm run worker) has no Next.js in it: this small HTTP server answers
// GET /metrics for it, through the same operator wrapper as the portal's GET /api/metrics
// (METRICS_TOKEN as Bearer token, 404 while unset), so the delivery attempts, latencies and
// pruning a worker does are scraped where they happen.
const metricsRoute = withOperatorRoute(
  async () => new Response(await renderMetrics(), { headers: { "content-type": METRICS_CONTENT_TYPE } }),
);

export interface MetricsServer {
  port: number;
  close(): Promise<void>;
}

async function answer(method: string, url: string, authorization: string | undefined): Promise<Response> {
  const { pathname } = new URL(url, "http://worker.invalid");
  if (pathname !== "/metrics")
    return errorResponse(new ApiError("RESOURCE_NOT_FOUND", "Only GET /metrics is served here"));
  if (method !== "GET" && method !== "HEAD")
    return errorResponse(new ApiError("INVALID_REQUEST", "Use GET /metrics", { status: 405 }));
  return metricsRoute(
    new Request(`http://worker.invalid${pathname}`, { headers: authorization ? { authorization } : {} }),
  );
}

/** Listens on `port` (0: any free one) at `host` (default every interface) until closed. */
export async function serveMetrics(port: number, host?: string): Promise<MetricsServer> {
  const server: Server = createServer((request, response) => {
    answer(request.method ?? "GET", request.url ?? "/", request.headers.authorization)
      .catch((error: unknown) => errorResponse(error))
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
