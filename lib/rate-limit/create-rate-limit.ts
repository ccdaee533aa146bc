import "server-only";
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRes,
} from "rate-limiter-flexible";
import { getPool } from "@/lib/db/pool";
import { logger } from "@/lib/log/logger";
import type { RateLimitPolicy } from "./policies";

export type RateLimitDecision =
  | { allowed: true; remaining: number }
  | { allowed: false; retryAfterSeconds: number; until: Date };

export interface RateLimit {
  readonly policy: RateLimitPolicy;
  /** Spends one point of the key's budget; refused once the budget is spent (or the key locked). */
  consume(key: string): Promise<RateLimitDecision>;
  /** Whether the key has budget left, spending none: for limits that count failures only. */
  peek(key: string): Promise<RateLimitDecision>;
  /** Forgets the key (a successful sign-in clears the email's failures). */
  reset(key: string): Promise<void>;
}

function refused(msBeforeNext: number): RateLimitDecision {
  const retryAfterSeconds = Math.max(1, Math.ceil(msBeforeNext / 1000));
  return { allowed: false, retryAfterSeconds, until: new Date(Date.now() + retryAfterSeconds * 1000) };
}

// When the database cannot answer, the limit is kept in this process's memory instead, with the
// same budget: a database outage neither locks everyone out (failing closed) nor lifts the limits
// (failing open) — an attacker still meets the budget once per portal process. Logged, at most
// once a minute per limit, so operators know the limits are per-process until it recovers.
const FALLBACK_LOG_INTERVAL_MS = 60_000;

export function createRateLimit(policy: RateLimitPolicy): RateLimit {
  const options = { keyPrefix: policy.name, points: policy.points, duration: policy.windowSeconds };
  const memory = new RateLimiterMemory(options);
  let store: RateLimiterAbstract | null = null;
  let lastFallbackLog = 0;

  // Built on first use: importing this module (next build, tests without a database) connects nothing.
  function getStore(): RateLimiterAbstract {
    store ??= new RateLimiterPostgres({
      ...options,
      storeClient: getPool(),
      tableName: "RateLimit",
      // Created by our migration (prisma/migrations/20261201100000_rate_limits), never by the library.
      tableCreated: true,
      // Rows an hour past their window are deleted every 5 minutes by each process.
      clearExpiredByTimeout: true,
    });
    return store;
  }

  async function withFallback<T>(operation: (limiter: RateLimiterAbstract) => Promise<T>): Promise<T> {
    try {
      return await operation(getStore());
    } catch (error) {
      if (error instanceof RateLimiterRes) throw error; // "over the limit" is an answer, not a failure
      if (Date.now() - lastFallbackLog > FALLBACK_LOG_INTERVAL_MS) {
        lastFallbackLog = Date.now();
        logger.warn({ limit: policy.name, error }, "rate limit store unavailable: limiting in this process's memory");
      }
      return operation(memory);
    }
  }

  async function lock(key: string): Promise<void> {
    if (policy.lockSeconds) await withFallback((limiter) => limiter.block(key, policy.lockSeconds!));
  }

  return {
    policy,
    async consume(key) {
      try {
        const result = await withFallback((limiter) => limiter.consume(key));
        if (result.remainingPoints > 0 || !policy.lockSeconds)
          return { allowed: true, remaining: result.remainingPoints };
        // This event spent the last point: the key is locked from now, for the whole lock period.
        await lock(key);
        return refused(policy.lockSeconds * 1000);
      } catch (error) {
        if (error instanceof RateLimiterRes) return refused(error.msBeforeNext);
        throw error;
      }
    },
    async peek(key) {
      const result = await withFallback((limiter) => limiter.get(key));
      if (!result || result.consumedPoints < policy.points)
        return { allowed: true, remaining: result?.remainingPoints ?? policy.points };
      return refused(result.msBeforeNext);
    },
    async reset(key) {
      await withFallback((limiter) => limiter.delete(key));
    },
  };
}
