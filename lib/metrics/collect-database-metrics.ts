import "server-only";
import { getPool } from "@/lib/db/pool";
import type { Metrics } from "./registry";

// Read when scraped: the delivery queue is the whole database's, whichever process answers. Both
// queries use the (status, endpointId, nextAttemptAt) index and read only pending and delivering
// rows, never the history, so their cost follows the queue, not the table.
const QUEUE_SQL = `
SELECT status::text AS state, count(*)::bigint AS rows
  FROM "WebhookDelivery"
 WHERE status IN ('pending', 'delivering')
 GROUP BY status`;

const OLDEST_DUE_SQL = `
SELECT coalesce(extract(epoch FROM now() - min("nextAttemptAt")), 0)::float8 AS seconds
  FROM "WebhookDelivery"
 WHERE status = 'pending' AND "nextAttemptAt" <= now()`;

export async function collectDatabaseMetrics(metrics: Metrics): Promise<void> {
  const pool = getPool();
  const [queue, oldest] = await Promise.all([
    pool.query<{ state: string; rows: string }>(QUEUE_SQL),
    pool.query<{ seconds: number }>(OLDEST_DUE_SQL),
  ]);
  const byState = new Map(queue.rows.map((row) => [row.state, Number(row.rows)]));
  for (const state of ["pending", "delivering"]) metrics.deliveryQueue.set({ state }, byState.get(state) ?? 0);
  metrics.oldestPendingDelivery.set(Math.max(0, oldest.rows[0]?.seconds ?? 0));
}
