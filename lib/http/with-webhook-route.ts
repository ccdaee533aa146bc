import { ApiError, errorResponse } from "@/lib/http/api-error";
import { logger } from "@/lib/log/logger";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { assertDeclaredBodySize } from "@/lib/http/limit-request-body";
import { maxBodyBytes, type RouteOptions } from "@/lib/http/route-options";
import { noteContractRefusal, receiveSignedWebhook, type SignedWebhook } from "@/lib/ingest/receive-signed-webhook";

export interface WebhookRouteContext {
  /** `token`: the secret URL token of /api/webhooks/{workspaceId}/{token}. */
  params: Promise<{ workspaceId: string; token?: string }>;
}

// The sender retries a 503; its delay is its own, this only suggests a floor.
const RETRY_AFTER_SECONDS = "5";

function webhookErrorResponse(error: unknown): Response {
  if (!(error instanceof ApiError) && isDatabaseUnavailable(error)) {
    logger.warn({ error }, "webhook refused: database unavailable");
    return errorResponse(
      new ApiError("UPSTREAM_UNAVAILABLE", "Service temporarily unavailable", { status: 503, headers: { "Retry-After": RETRY_AFTER_SECONDS } }),
    );
  }
  // ApiErrors become the seed's envelope; anything else is logged and masked as a 500.
  return errorResponse(error);
}

/**
 * The entry point of every inbound webhook route: caps the body (options.body, default 64 KiB), resolves the
 * workspace, verifies the request under the workspace's profile and parses the JSON
 * (receiveSignedWebhook), hands the verified webhook to the handler and answers its result as
 * JSON. Every failure becomes the seed's error envelope here, so handlers hold no try/catch.
 */
export function withWebhookRoute<T>(handler: (webhook: SignedWebhook) => Promise<T>, options: RouteOptions = {}) {
  return async (request: Request, context: WebhookRouteContext): Promise<Response> => {
    try {
      // The body itself is read under the same cap by receiveSignedWebhook (exact bytes, for the HMAC).
      const maxBytes = maxBodyBytes(options);
      assertDeclaredBodySize(request, maxBytes);
      const { workspaceId, token = null } = await context.params;
      const webhook = await receiveSignedWebhook(request, workspaceId, token, maxBytes);
      const result = await handler(webhook).catch((error: unknown) => {
        noteContractRefusal(webhook, error);
        throw error;
      });
      return Response.json(result);
    } catch (error) {
      return webhookErrorResponse(error);
    }
  };
}
