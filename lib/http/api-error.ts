import { DEFAULT_STATUS, errorEnvelope, type ErrorCode } from "@/lib/contract/errors";
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

export function errorResponse(error: unknown): Response {
  if (error instanceof ApiError) {
    return Response.json(errorEnvelope(error.code, error.message), {
      status: error.status,
      headers: error.headers,
    });
  }
  logger.error("unhandled error", { error });
  return Response.json(errorEnvelope("INTERNAL_ERROR", "Internal server error"), { status: 500 });
}
