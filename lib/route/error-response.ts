import { errorEnvelope } from "@/lib/contract/errors";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { ApiError, serviceUnavailable } from "@/lib/http/api-error";
import { logger } from "@/lib/log/logger";

/**
 * Every wrapper's answer to a thrown error: an ApiError in the error envelope; the database down,
 * restarting or over its budget as a 503 to retry (whatever layer saw it: pg, Prisma's wrappings,
 * the pool budget); anything else is a bug, logged and masked as a 500 that says nothing.
 */
export function errorResponse(error: unknown): Response {
  if (!(error instanceof ApiError) && isDatabaseUnavailable(error)) {
    logger.warn({ error }, "request refused: database unavailable");
    return errorResponse(serviceUnavailable());
  }
  if (error instanceof ApiError) {
    return Response.json(errorEnvelope(error.code, error.message, error.details), {
      status: error.status,
      headers: error.headers,
    });
  }
  logger.error({ error }, "unhandled error");
  return Response.json(errorEnvelope("INTERNAL_ERROR", "Internal server error"), { status: 500 });
}
