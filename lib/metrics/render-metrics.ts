import "server-only";
import { replicaStatusNow } from "@/lib/db/check-replica";
import { poolUsage } from "@/lib/db/pool";
import { openLiveStreams } from "@/lib/live/create-live-stream";
import { logger } from "@/lib/log/logger";
import { collectDatabaseMetrics } from "./collect-database-metrics";
import { getMetrics } from "./registry";

export const METRICS_CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";

/** The process's metrics in Prometheus's text format, with the gauges read now. */
export async function renderMetrics(): Promise<string> {
  const metrics = getMetrics();
  metrics.liveStreams.set(openLiveStreams());
  metrics.poolConnections.reset();
  for (const [pool, usage] of Object.entries(poolUsage())) {
    metrics.poolConnections.set({ pool, state: "busy" }, usage.total - usage.idle);
    metrics.poolConnections.set({ pool, state: "idle" }, usage.idle);
    metrics.poolConnections.set({ pool, state: "waiting" }, usage.waiting);
  }
  const replica = await replicaStatusNow();
  if (replica) {
    metrics.replicaInUse.set(replica.usable ? 1 : 0);
    metrics.replicaLag.set(replica.lagMs / 1000);
  }
  try {
    await collectDatabaseMetrics(metrics);
  } catch (error) {
    // The rest is still worth a scrape; absent queue samples say the database did not answer.
    metrics.deliveryQueue.reset();
    metrics.oldestPendingDelivery.reset();
    logger.warn({ error }, "metrics: delivery queue not read");
  }
  return metrics.registry.metrics();
}
