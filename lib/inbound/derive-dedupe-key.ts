import { createHash } from "node:crypto";

// A sender without an event id still retries the same payload: the same job, event, status and
// the payload's own `timestamp` (when the status changed). A signing timestamp, which changes with
// every attempt, is never part of it. Two different events never share all four.
export const DERIVED_KEY_PREFIX = "payload_";

function part(value: unknown): string {
  return typeof value === "string" ? value : JSON.stringify(value ?? null);
}

/** The dedupe key of a payload that came without an event id: stable across the sender's retries. */
export function deriveDedupeKey(json: unknown): string {
  const payload = (json ?? {}) as {
    event?: unknown;
    timestamp?: unknown;
    data?: { jobId?: unknown; status?: unknown };
  };
  const data = typeof payload.data === "object" && payload.data !== null ? payload.data : {};
  const parts = [data.jobId, payload.event, data.status, payload.timestamp].map(part);
  return `${DERIVED_KEY_PREFIX}${createHash("sha256").update(JSON.stringify(parts), "utf8").digest("base64url")}`;
}
