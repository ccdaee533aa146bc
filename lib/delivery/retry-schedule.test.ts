import { describe, expect, it } from "vitest";
import { decideOutcome } from "./decide-outcome";
import { parseRetryAfter } from "./parse-retry-after";
import { DEFAULT_TIMEOUT_MS } from "./post-webhook";
import {
  MAX_ATTEMPTS,
  MAX_RETRY_AFTER_MS,
  nextRetryAt,
  PUBLISHED_SEND_TIMEOUT_MS,
  RETRY_DELAYS_MS,
  RETRY_SPAN_MS,
  retryTimeline,
} from "./retry-schedule";

const NOW = Date.parse("2026-01-01T00:00:00Z");
const SECOND = 1_000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;

describe("the retry schedule", () => {
  it("is 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h, then gives up: eight attempts", () => {
    expect(RETRY_DELAYS_MS).toEqual([5 * SECOND, 5 * MINUTE, 30 * MINUTE, 2 * HOUR, 5 * HOUR, 10 * HOUR, 10 * HOUR]);
    expect(MAX_ATTEMPTS).toBe(8);
    const middle = () => 0.5;
    const delays = [1, 2, 3, 4, 5, 6, 7].map((attempt) => nextRetryAt(attempt, NOW, middle)! - NOW);
    expect(delays).toEqual([...RETRY_DELAYS_MS]);
    expect(nextRetryAt(8, NOW, middle)).toBeNull();
  });

  it("is published as a timeline of eight attempts over about 28 hours, with the timeout that applies", () => {
    const timeline = retryTimeline();
    expect(timeline).toHaveLength(MAX_ATTEMPTS);
    expect(timeline[0]).toEqual({ attempt: 1, afterPreviousMs: 0, sinceFirstMs: 0 });
    expect(timeline.at(-1)).toEqual({
      attempt: 8,
      afterPreviousMs: 10 * HOUR,
      sinceFirstMs: 27 * HOUR + 35 * MINUTE + 5 * SECOND,
    });
    expect(RETRY_SPAN_MS).toBe(timeline.at(-1)!.sinceFirstMs);
    expect(PUBLISHED_SEND_TIMEOUT_MS).toBe(DEFAULT_TIMEOUT_MS);
  });

  it("jitters each delay within ±20 %", () => {
    for (const [index, delay] of RETRY_DELAYS_MS.entries()) {
      expect(nextRetryAt(index + 1, NOW, () => 0)! - NOW).toBe(Math.round(delay * 0.8));
      expect(nextRetryAt(index + 1, NOW, () => 0.999999)! - NOW).toBeLessThanOrEqual(Math.round(delay * 1.2));
      expect(nextRetryAt(index + 1, NOW, () => 0.999999)! - NOW).toBeGreaterThan(Math.round(delay * 1.19));
    }
  });

  it("takes a Retry-After instead of the schedule, bounded to 24 hours, without adding attempts", () => {
    expect(nextRetryAt(1, NOW, () => 0.5, 120 * SECOND)).toBe(NOW + 120 * SECOND);
    expect(nextRetryAt(1, NOW, () => 0.5, 3 * 24 * HOUR)).toBe(NOW + MAX_RETRY_AFTER_MS);
    expect(nextRetryAt(1, NOW, () => 0.5, 0)).toBe(NOW + SECOND);
    expect(nextRetryAt(8, NOW, () => 0.5, 10 * SECOND)).toBeNull();
  });
});

describe("parseRetryAfter", () => {
  it.each([
    ["120", 120 * SECOND],
    [" 0 ", 0],
    ["Thu, 01 Jan 2026 00:10:00 GMT", 10 * MINUTE],
    ["Wed, 31 Dec 2025 23:00:00 GMT", 0],
    ["soon", null],
    ["-5", null],
    ["1.5", null],
    ["2026-01-01T00:10:00Z", null],
    [null, null],
  ])("%s → %s", (value, expected) => {
    expect(parseRetryAfter(value, NOW)).toBe(expected);
  });
});

describe("decideOutcome", () => {
  const half = () => 0.5;
  it("succeeds on any 2xx and clears the endpoint's failing run", () => {
    for (const statusCode of [200, 201, 202, 204, 299]) {
      expect(decideOutcome(1, { statusCode, retryAfter: null, error: null }, NOW, half)).toEqual({
        status: "succeeded",
        nextAttemptAt: null,
        endpoint: "ok",
      });
    }
  });

  it("retries 3xx, 4xx, 5xx and no response on the schedule", () => {
    for (const statusCode of [301, 302, 307, 400, 401, 404, 429, 500, 503, null]) {
      expect(decideOutcome(2, { statusCode, retryAfter: null, error: "x" }, NOW, half)).toEqual({
        status: "pending",
        nextAttemptAt: NOW + 5 * MINUTE,
        endpoint: "failing",
      });
    }
  });

  it("gives up after the eighth attempt", () => {
    expect(decideOutcome(8, { statusCode: 500, retryAfter: null, error: null }, NOW, half)).toEqual({
      status: "failed",
      nextAttemptAt: null,
      endpoint: "failing",
    });
  });

  it("fails at once and disables the endpoint on 410 Gone", () => {
    expect(decideOutcome(1, { statusCode: 410, retryAfter: null, error: null }, NOW, half)).toEqual({
      status: "failed",
      nextAttemptAt: null,
      endpoint: "gone",
    });
  });

  it("honours Retry-After on 429 and 503 only", () => {
    expect(decideOutcome(1, { statusCode: 429, retryAfter: "60", error: null }, NOW, half).nextAttemptAt).toBe(
      NOW + MINUTE,
    );
    expect(
      decideOutcome(1, { statusCode: 503, retryAfter: "Thu, 01 Jan 2026 01:00:00 GMT", error: null }, NOW, half)
        .nextAttemptAt,
    ).toBe(NOW + HOUR);
    expect(decideOutcome(1, { statusCode: 500, retryAfter: "60", error: null }, NOW, half).nextAttemptAt).toBe(
      NOW + 5 * SECOND,
    );
  });

  it("does not hold an upstream outage against the endpoint", () => {
    expect(
      decideOutcome(1, { statusCode: null, retryAfter: null, error: "no links", notSent: true }, NOW, half),
    ).toEqual({
      status: "pending",
      nextAttemptAt: NOW + 5 * SECOND,
      endpoint: "untouched",
    });
  });
});
