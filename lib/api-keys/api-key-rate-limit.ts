import { createTokenBucketLimiter } from "@/lib/http/token-bucket";

/**
 * Per key: 10 requests a second sustained, bursts of 20. The buckets live in this process's
 * memory, so N portal processes allow up to N times that. It is a courtesy limit against runaway
 * clients, not a quota, and in memory it costs no database write per request.
 */
export const API_KEY_RATE_LIMIT = { ratePerSecond: 10, burst: 20 } as const;

export const apiKeyRateLimiter = createTokenBucketLimiter(API_KEY_RATE_LIMIT);
