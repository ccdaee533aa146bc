import { METRICS_CONTENT_TYPE, renderMetrics } from "@/lib/metrics/render-metrics";
import { withOperatorRoute } from "@/lib/route/with-operator-route";

export const dynamic = "force-dynamic";
export const runtime = "nodejs";

// GET /api/metrics — the operator's Prometheus, with METRICS_TOKEN as Bearer token (404 when unset): this process's metrics and the delivery queue.
export const GET = withOperatorRoute(
  async () => new Response(await renderMetrics(), { headers: { "content-type": METRICS_CONTENT_TYPE } }),
);
