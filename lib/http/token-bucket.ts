// A token-bucket rate limiter per key, in memory. Pure apart from the injected clock, so the
// refill arithmetic is unit-tested without waiting.
export interface TokenBucketOptions {
  /** Tokens added per second: the sustained rate. */
  ratePerSecond: number;
  /** Bucket size: how many requests may arrive at once after a quiet spell. */
  burst: number;
  /** Milliseconds, monotonic enough; defaults to Date.now. */
  now?: () => number;
  /** Buckets kept before idle ones are dropped, which bounds memory under many keys. */
  maxBuckets?: number;
}

export type TakeResult = { allowed: true; remaining: number } | { allowed: false; retryAfterSeconds: number };

export interface TokenBucketLimiter {
  take(key: string): TakeResult;
  size(): number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export function createTokenBucketLimiter(options: TokenBucketOptions): TokenBucketLimiter {
  const { ratePerSecond, burst, now = Date.now, maxBuckets = 10_000 } = options;
  const buckets = new Map<string, Bucket>();
  const refillMs = (burst / ratePerSecond) * 1000;

  function refill(bucket: Bucket, at: number): void {
    const elapsed = Math.max(0, at - bucket.updatedAt);
    bucket.tokens = Math.min(burst, bucket.tokens + (elapsed / 1000) * ratePerSecond);
    bucket.updatedAt = Math.max(bucket.updatedAt, at);
  }

  // A bucket idle long enough to be full again is the same as no bucket: drop those first, then
  // the oldest, so a flood of keys cannot grow the map without bound.
  function prune(at: number): void {
    for (const [key, bucket] of buckets) {
      if (at - bucket.updatedAt >= refillMs) buckets.delete(key);
    }
    for (const key of buckets.keys()) {
      if (buckets.size < maxBuckets) break;
      buckets.delete(key);
    }
  }

  return {
    take(key) {
      const at = now();
      let bucket = buckets.get(key);
      if (bucket) {
        refill(bucket, at);
      } else {
        if (buckets.size >= maxBuckets) prune(at);
        bucket = { tokens: burst, updatedAt: at };
        buckets.set(key, bucket);
      }
      if (bucket.tokens >= 1) {
        bucket.tokens -= 1;
        return { allowed: true, remaining: Math.floor(bucket.tokens) };
      }
      const waitSeconds = (1 - bucket.tokens) / ratePerSecond;
      return { allowed: false, retryAfterSeconds: Math.max(1, Math.ceil(waitSeconds)) };
    },
    size: () => buckets.size,
  };
}
