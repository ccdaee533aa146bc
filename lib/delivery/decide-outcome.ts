import { parseRetryAfter } from "./parse-retry-after";
import { nextRetryAt } from "./retry-schedule";

// What one attempt means for the delivery and for its endpoint. Pure: the clock and randomness
// come in, so the schedule can be tested to the millisecond.
export interface AttemptResult {
  /** The HTTP status, or null when no response came (refused, timeout, connection error, no links). */
  statusCode: number | null;
  retryAfter: string | null;
  error: string | null;
  /** Never sent, through no fault of the endpoint (no download links from the upstream, no signature). */
  notSent?: boolean;
}

/** ok: clears failingSince; failing: starts or continues it; gone: disables (410); untouched: not the endpoint's doing. */
export type EndpointEffect = "ok" | "failing" | "gone" | "untouched";

export interface Decision {
  status: "succeeded" | "pending" | "failed";
  /** For a retry: when (ms since the epoch). */
  nextAttemptAt: number | null;
  endpoint: EndpointEffect;
}

const RETRY_AFTER_STATUSES = new Set([429, 503]);

export function decideOutcome(
  attemptNumber: number,
  result: AttemptResult,
  nowMs: number,
  random: () => number,
): Decision {
  const code = result.statusCode;
  if (code !== null && code >= 200 && code < 300) return { status: "succeeded", nextAttemptAt: null, endpoint: "ok" };
  // 410 Gone: the receiver says this URL will never take webhooks again (Stripe and Svix agree).
  if (code === 410) return { status: "failed", nextAttemptAt: null, endpoint: "gone" };
  const retryAfterMs =
    code !== null && RETRY_AFTER_STATUSES.has(code) ? parseRetryAfter(result.retryAfter, nowMs) : null;
  const next = nextRetryAt(attemptNumber, nowMs, random, retryAfterMs);
  return {
    status: next === null ? "failed" : "pending",
    nextAttemptAt: next,
    endpoint: result.notSent ? "untouched" : "failing",
  };
}
