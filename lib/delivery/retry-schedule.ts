// When a failed delivery is tried again: Svix's schedule (after the first attempt, 5 s, 5 min,
// 30 min, 2 h, 5 h, 10 h, 10 h — eight attempts over about 28 hours), each delay ±20 % so that
// the retries of a burst that failed together do not come back together. Pure and without server
// imports: the endpoint page publishes this same schedule (components/webhooks/retry-schedule-card.tsx).
export const RETRY_DELAYS_MS = [
  5_000,
  5 * 60_000,
  30 * 60_000,
  2 * 3_600_000,
  5 * 3_600_000,
  10 * 3_600_000,
  10 * 3_600_000,
] as const;

export const MAX_ATTEMPTS = RETRY_DELAYS_MS.length + 1;
/** From the first attempt to the last, without jitter: 27 h 35 min 5 s ("about 28 hours"). */
export const RETRY_SPAN_MS = RETRY_DELAYS_MS.reduce((sum, delay) => sum + delay, 0);
export const JITTER = 0.2;
/** A Retry-After is honoured up to this far ahead; a longer one is taken as this. */
export const MAX_RETRY_AFTER_MS = 24 * 3_600_000;
const MIN_RETRY_AFTER_MS = 1_000;

/**
 * When to make the attempt after attempt `attemptNumber` (1-based) failed, in ms since the epoch,
 * or null when that was the last one. `retryAfterMs` is the endpoint's own Retry-After (429/503),
 * which replaces the schedule's delay for this retry but never adds attempts.
 */
export function nextRetryAt(
  attemptNumber: number,
  nowMs: number,
  random: () => number,
  retryAfterMs: number | null = null,
): number | null {
  if (attemptNumber >= MAX_ATTEMPTS) return null;
  if (retryAfterMs !== null) return nowMs + Math.min(MAX_RETRY_AFTER_MS, Math.max(MIN_RETRY_AFTER_MS, retryAfterMs));
  const delay = RETRY_DELAYS_MS[attemptNumber - 1];
  return nowMs + Math.round(delay * (1 - JITTER + 2 * JITTER * random()));
}

/**
 * An endpoint with no successful delivery for this long after a failure is disabled (its
 * pending deliveries fail with the reason): by the outcome of an attempt, or by the worker loop's
 * check when nothing is attempted any more (disable-failing-endpoints.ts).
 */
export const FAILING_DISABLE_AFTER_MS = 5 * 24 * 3_600_000;
export const FAILING_DISABLED_REASON = "Every delivery attempt failed for 5 days";

/** Each attempt with its delay after the previous one and its time after the first (no jitter). */
export function retryTimeline(): Array<{ attempt: number; afterPreviousMs: number; sinceFirstMs: number }> {
  let sinceFirstMs = 0;
  return [0, ...RETRY_DELAYS_MS].map((afterPreviousMs, index) => {
    sinceFirstMs += afterPreviousMs;
    return { attempt: index + 1, afterPreviousMs, sinceFirstMs };
  });
}

/** The send timeout as published (post-webhook.ts's DEFAULT_TIMEOUT_MS; a test keeps them equal). */
export const PUBLISHED_SEND_TIMEOUT_MS = 15_000;
