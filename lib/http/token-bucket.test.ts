import { describe, expect, it } from "vitest";
import { createTokenBucketLimiter } from "./token-bucket";

function clock(start = 1_000_000) {
  let time = start;
  return { now: () => time, advance: (ms: number) => (time += ms) };
}

describe("token bucket", () => {
  it("allows a burst, then refuses with a Retry-After in whole seconds", () => {
    const time = clock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 10, burst: 20, now: time.now });
    for (let i = 0; i < 20; i++) expect(limiter.take("k").allowed).toBe(true);
    expect(limiter.take("k")).toEqual({ allowed: false, retryAfterSeconds: 1 });
  });

  it("refills at the sustained rate and never above the burst", () => {
    const time = clock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 10, burst: 20, now: time.now });
    for (let i = 0; i < 20; i++) limiter.take("k");
    time.advance(100); // one token
    expect(limiter.take("k")).toEqual({ allowed: true, remaining: 0 });
    expect(limiter.take("k").allowed).toBe(false);
    time.advance(60_000);
    expect(limiter.take("k")).toEqual({ allowed: true, remaining: 19 });
  });

  it("keeps one bucket per key", () => {
    const time = clock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 1, burst: 1, now: time.now });
    expect(limiter.take("a").allowed).toBe(true);
    expect(limiter.take("a").allowed).toBe(false);
    expect(limiter.take("b").allowed).toBe(true);
  });

  it("rounds Retry-After up for slow rates", () => {
    const time = clock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 0.25, burst: 1, now: time.now });
    limiter.take("k");
    expect(limiter.take("k")).toEqual({ allowed: false, retryAfterSeconds: 4 });
    time.advance(1_500);
    expect(limiter.take("k")).toEqual({ allowed: false, retryAfterSeconds: 3 });
  });

  it("ignores a clock that steps backwards instead of minting tokens", () => {
    const time = clock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 1, burst: 1, now: time.now });
    limiter.take("k");
    time.advance(-5_000);
    expect(limiter.take("k").allowed).toBe(false);
  });

  it("bounds memory: idle buckets are dropped once the limit is reached", () => {
    const time = clock();
    const limiter = createTokenBucketLimiter({ ratePerSecond: 10, burst: 20, now: time.now, maxBuckets: 3 });
    limiter.take("a");
    limiter.take("b");
    time.advance(2_000); // a and b are full again
    limiter.take("c");
    limiter.take("d");
    expect(limiter.size()).toBeLessThanOrEqual(3);
    for (let i = 0; i < 10; i++) limiter.take(`flood-${i}`);
    expect(limiter.size()).toBeLessThanOrEqual(3);
  });
});
