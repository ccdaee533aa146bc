import type { z } from "zod";
import {
  DEFAULT_STATUS,
  describeZodError,
  type ErrorCode,
  type FieldIssue,
  fieldIssuesOf,
} from "@/lib/contract/errors";

export interface ApiErrorOptions {
  /** Default: the code's status (lib/contract/errors.ts), e.g. UPSTREAM_UNAVAILABLE as 502 or 504 instead of 503. */
  status?: number;
  headers?: Record<string, string>;
  /** The fields the request got wrong, sent as the envelope's `details`. */
  details?: readonly FieldIssue[];
}

/** An expected failure with an envelope code; everything else is a bug and masked as 500. */
export class ApiError extends Error {
  readonly status: number;
  readonly headers: Record<string, string>;
  readonly details: readonly FieldIssue[];

  constructor(
    readonly code: ErrorCode,
    message: string,
    options: ApiErrorOptions = {},
  ) {
    super(message);
    this.name = "ApiError";
    this.status = options.status ?? DEFAULT_STATUS[code];
    this.headers = options.headers ?? {};
    this.details = options.details ?? [];
  }
}

/** A 400 about one field of the input: `field: issue` as the message, and the same in `details`. */
export function invalidField(field: string, issue: string): ApiError {
  return new ApiError("INVALID_REQUEST", `${field}: ${issue}`, { details: [{ field, issue }] });
}

/** A 400 for input a schema refused: the first problem as the message, every field's in `details`. */
export function invalidRequest(error: z.ZodError): ApiError {
  return new ApiError("INVALID_REQUEST", describeZodError(error), { details: fieldIssuesOf(error) });
}

// A client retries a 503; its delay is its own, this only suggests a floor.
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The answer while the database is down, restarting or over its budget: retry later, never a 500. */
export function serviceUnavailable(): ApiError {
  return new ApiError("UPSTREAM_UNAVAILABLE", "Service temporarily unavailable", {
    status: 503,
    headers: { "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS) },
  });
}
