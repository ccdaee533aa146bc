import { ApiError, errorResponse } from "@/lib/http/api-error";
import { logger } from "@/lib/http/logger";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { receiveSignedWebhook, type SignedWebhook } from "@/lib/ingest/receive-signed-webhook";

export interface WebhookRouteContext {
  params: Promise<{ workspaceId: string }>;
}

// The sender retries a 503; its delay is its own, this only suggests a floor.
const RETRY_AFTER_SECONDS = "5";

function webhookErrorResponse(error: unknown): Response {
  if (!(error instanceof ApiError) && isDatabaseUnavailable(error)) {
    logger.warn("webhook refused: database unavailable", { error });
    return errorResponse(
      new ApiError("UPSTREAM_UNAVAILABLE", "Service temporarily unavailable", 503, { "Retry-After": RETRY_AFTER_SECONDS }),
    );
  }
  // ApiErrors become the seed's envelope; anything else is logged and masked as a 500.
  return errorResponse(error);
}

/**
 * The entry point of every inbound webhook route: reads the body under its cap, resolves the
 * workspace, verifies the Standard Webhooks signature and parses the JSON (receiveSignedWebhook),
 * hands the verified webhook to the handler and answers its result as JSON. Every failure becomes
 * the seed's error envelope here, so handlers hold no try/catch.
 */
export function withWebhookRoute<T>(handler: (webhook: SignedWebhook) => Promise<T>) {
  return async (request: Request, context: WebhookRouteContext): Promise<Response> => {
    try {
      const { workspaceId } = await context.params;
      const webhook = await receiveSignedWebhook(request, workspaceId);
      return Response.json(await handler(webhook));
    } catch (error) {
      return webhookErrorResponse(error);
    }
  };
}
