import { assertDeclaredBodySize } from "@/lib/http/read-capped-body";
import { noteContractRefusal, receiveSignedWebhook, type SignedWebhook } from "@/lib/ingest/receive-signed-webhook";
import { recordIngestRequest } from "@/lib/metrics/record-metrics";
import { errorResponse } from "./error-response";
import { maxBodyBytes, noStoreByDefault, type RouteOptions, withPolicy } from "./route-options";

export interface WebhookRouteContext {
  /** `token`: the secret URL token of /api/webhooks/{workspaceId}/{token}. */
  params: Promise<{ workspaceId: string; token?: string }>;
}

/**
 * The entry point of every inbound webhook route: caps the body (options.body, default 64 KiB), resolves the
 * workspace, verifies the request under the workspace's profile and parses the JSON
 * (receiveSignedWebhook), hands the verified webhook to the handler and answers its result as
 * JSON. Every failure becomes the error envelope here (the database unavailable: 503 with
 * Retry-After, which the sender retries), so handlers hold no try/catch.
 */
export function withWebhookRoute<T>(handler: (webhook: SignedWebhook) => Promise<T>, options: RouteOptions = {}) {
  const route = async (request: Request, context: WebhookRouteContext): Promise<Response> => {
    const started = performance.now();
    let response: Response;
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
      response = Response.json(result);
    } catch (error) {
      response = errorResponse(error);
    }
    recordIngestRequest(response.status, (performance.now() - started) / 1000);
    return noStoreByDefault(response);
  };
  return withPolicy(route, { caller: "upstream" });
}
