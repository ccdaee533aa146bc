import { getMetrics, statusClass } from "./registry";

export { statusClass as statusClassOf };

// The small calls that feed the metrics where things happen. Each costs a few map lookups, no I/O.

/** An inbound webhook request answered with `status` after `seconds`. */
export function recordIngestRequest(status: number, seconds: number): void {
  const result = status < 300 ? "accepted" : status === 503 ? "unavailable" : status >= 500 ? "error" : "refused";
  const metrics = getMetrics();
  metrics.ingestRequests.inc({ result, status: String(status) });
  metrics.ingestLatency.observe({ result }, seconds);
}

/** One group-commit transaction of `events` inbound events. */
export function recordGroupCommit(events: number): void {
  getMetrics().groupCommitBatch.observe(events);
}

export interface DeliveryAttemptSample {
  status: "succeeded" | "pending" | "failed";
  statusCode: number | null;
  notSent: boolean;
  seconds: number;
}

/** One delivery attempt, as decided (a `pending` outcome is a retry). */
export function recordDeliveryAttempt(sample: DeliveryAttemptSample): void {
  const outcome = sample.status === "pending" ? "retry" : sample.status;
  const answer = sample.notSent
    ? "not_sent"
    : sample.statusCode === null
      ? "no_answer"
      : statusClass(sample.statusCode);
  const metrics = getMetrics();
  metrics.deliveryAttempts.inc({ outcome, answer });
  metrics.deliveryLatency.observe({ outcome }, sample.seconds);
}

/** One call to the Jobs API: its HTTP status class, or how it failed. */
export function recordUpstreamCall(result: string, seconds: number): void {
  const metrics = getMetrics();
  metrics.upstreamCalls.inc({ result });
  metrics.upstreamLatency.observe({ result }, seconds);
}

/** Rows the retention loop removed from one table. */
export function recordPrunedRows(table: "events" | "deliveries" | "attempts", rows: number): void {
  if (rows > 0) getMetrics().retentionPruned.inc({ table }, rows);
}
