import { Counter, Gauge, Histogram, Registry } from "prom-client";

// The process's metrics (GET /api/metrics, Prometheus format). One registry per process, kept on
// globalThis like the pools: Next.js may evaluate a module once per route bundle, and two
// registries would each see half the counts. Everything here is cheap to record (no I/O); what
// needs the database (queue depth, oldest pending delivery) is read when scraped
// (collect-database-metrics.ts).
function createMetrics() {
  const registry = new Registry();
  const registers = [registry];
  return {
    registry,
    ingestRequests: new Counter({
      name: "portal_ingest_requests_total",
      help: "Inbound webhook requests by result (accepted, refused, unavailable, error) and HTTP status",
      labelNames: ["result", "status"] as const,
      registers,
    }),
    ingestLatency: new Histogram({
      name: "portal_ingest_request_duration_seconds",
      help: "Inbound webhook requests: from the request to the answer (after the commit that stored the event)",
      labelNames: ["result"] as const,
      buckets: [0.002, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5],
      registers,
    }),
    groupCommitBatch: new Histogram({
      name: "portal_ingest_group_commit_events",
      help: "Events applied per group-commit transaction",
      buckets: [1, 2, 4, 8, 16, 32, 64],
      registers,
    }),
    deliveryAttempts: new Counter({
      name: "portal_delivery_attempts_total",
      help: "Webhook delivery attempts by outcome (succeeded, retry, failed) and answer (2xx, 4xx, 5xx, no_answer, not_sent)",
      labelNames: ["outcome", "answer"] as const,
      registers,
    }),
    deliveryLatency: new Histogram({
      name: "portal_delivery_attempt_duration_seconds",
      help: "Webhook delivery attempts: fresh links, signing and the HTTP exchange",
      labelNames: ["outcome"] as const,
      buckets: [0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 15],
      registers,
    }),
    deliveryQueue: new Gauge({
      name: "portal_delivery_queue",
      help: "Webhook deliveries by state (pending: waiting or due; delivering: leased to a worker), whole database",
      labelNames: ["state"] as const,
      registers,
    }),
    oldestPendingDelivery: new Gauge({
      name: "portal_delivery_oldest_due_age_seconds",
      help: "How long the longest-waiting due delivery has been due (0: none due), whole database",
      registers,
    }),
    liveStreams: new Gauge({
      name: "portal_live_streams_open",
      help: "Live-update streams (GET /api/live) open in this process",
      registers,
    }),
    poolConnections: new Gauge({
      name: "portal_db_pool_connections",
      help: "Database connections of this process's pools by use (app, ingest, delivery, replica) and state (idle, busy, waiting: callers queued for one)",
      labelNames: ["pool", "state"] as const,
      registers,
    }),
    upstreamCalls: new Counter({
      name: "portal_upstream_calls_total",
      help: "Calls to the Jobs API (download-result) by result (2xx, 4xx, 5xx, or the failure kind: timeout, network, refused, ...)",
      labelNames: ["result"] as const,
      registers,
    }),
    upstreamLatency: new Histogram({
      name: "portal_upstream_call_duration_seconds",
      help: "Calls to the Jobs API (download-result), until the answer is read or the call fails",
      labelNames: ["result"] as const,
      buckets: [0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10],
      registers,
    }),
    replicaInUse: new Gauge({
      name: "portal_db_replica_in_use",
      help: "1 while this process reads the Jobs list, counts, overview and exports from DATABASE_REPLICA_URL; 0 while it reads them from the primary (the replica unreachable, not a standby, or too far behind). Absent without a replica",
      registers,
    }),
    replicaLag: new Gauge({
      name: "portal_db_replica_lag_seconds",
      help: "How far the read replica's replay was behind the primary at this process's last check (to the second). Absent without a replica",
      registers,
    }),
    retentionPruned: new Counter({
      name: "portal_retention_pruned_rows_total",
      help: "Rows removed by the retention loop, by table",
      labelNames: ["table"] as const,
      registers,
    }),
  };
}

export type Metrics = ReturnType<typeof createMetrics>;

const globalForMetrics = globalThis as unknown as { jobsPortalMetrics?: Metrics };

export function getMetrics(): Metrics {
  globalForMetrics.jobsPortalMetrics ??= createMetrics();
  return globalForMetrics.jobsPortalMetrics;
}

/** An HTTP status as a class label: 2xx, 4xx, 5xx. */
export function statusClass(status: number): string {
  return `${Math.floor(status / 100)}xx`;
}
