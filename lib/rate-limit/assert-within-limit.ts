import { ApiError } from "@/lib/http/api-error";
import type { RateLimit } from "./create-rate-limit";

/** What a refused caller is told; `wait` says how long in words ("15 minutes"). */
export type LimitMessage = (wait: string) => string;

/** 429 RATE_LIMITED with Retry-After, in the error envelope. */
export function rateLimited(message: LimitMessage, retryAfterSeconds: number): ApiError {
  return new ApiError("RATE_LIMITED", message(describeWait(retryAfterSeconds)), {
    headers: { "retry-after": String(retryAfterSeconds) },
  });
}

/** Spends one point of `key`'s budget, or throws 429 when none is left. */
export async function assertWithinLimit(limit: RateLimit, key: string, message: LimitMessage): Promise<void> {
  const decision = await limit.consume(key);
  if (!decision.allowed) throw rateLimited(message, decision.retryAfterSeconds);
}

export function describeWait(seconds: number): string {
  if (seconds < 60) return seconds === 1 ? "1 second" : `${seconds} seconds`;
  const minutes = Math.ceil(seconds / 60);
  return minutes === 1 ? "1 minute" : `${minutes} minutes`;
}
