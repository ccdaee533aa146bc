import { DEFAULT_STATUS, errorEnvelope, type ErrorCode } from "@/lib/contract/errors";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { logger } from "@/lib/http/logger";

/** An expected failure with the seed's error code; everything else is a bug and masked as 500. */
export class ApiError extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly status: number = DEFAULT_STATUS[code],
    readonly headers: Record<string, string> = {},
  ) {
    super(message);
    this.name = "ApiError";
  }
}

// A client retries a 503; its delay is its own, this only suggests a floor.
export const UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

/** The answer while the database is down, restarting or over its budget: retry later, never a 500. */
export function serviceUnavailable(): ApiError {
  return new ApiError("UPSTREAM_UNAVAILABLE", "Service temporarily unavailable", 503, {
    "retry-after": String(UNAVAILABLE_RETRY_AFTER_SECONDS),
  });
}

export function errorResponse(error: unknown): Response {
  if (!(error instanceof ApiError) && isDatabaseUnavailable(error)) {
    // Whatever layer saw it (pg, Prisma's wrappings, the pool budget), on every route.
    logger.warn("request refused: database unavailable", { error });
    return errorResponse(serviceUnavailable());
  }
  if (error instanceof ApiError) {
    return Response.json(errorEnvelope(error.code, error.message), {
      status: error.status,
      headers: error.headers,
    });
  }
  logger.error("unhandled error", { error });
  return Response.json(errorEnvelope("INTERNAL_ERROR", "Internal server error"), { status: 500 });
}
