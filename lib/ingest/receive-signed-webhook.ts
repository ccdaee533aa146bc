import { ApiError } from "@/lib/http/api-error";
import { getInboundSecrets, RELOAD_AFTER_MS, verifiersAt, type InboundSecrets } from "./inbound-secrets";
import { decodeExactUtf8, readCappedBody } from "./read-capped-body";
import { isSignedByAny, readWebhookHeaders, type WebhookHeaders } from "./verify-signature";

/** An inbound webhook whose signature has been verified over the exact bytes received. */
export interface SignedWebhook {
  workspaceId: string;
  webhookId: string;
  /** The body as received. */
  text: string;
  /** The body parsed as JSON, not yet checked against the contract. */
  json: unknown;
}

const WORKSPACE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

async function getInboundSecretsOrThrow(workspaceId: string): Promise<InboundSecrets> {
  const secrets = WORKSPACE_ID_PATTERN.test(workspaceId) ? await getInboundSecrets(workspaceId) : null;
  if (!secrets) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  return secrets;
}

/** Checks the signature; on a mismatch, once, against freshly loaded secrets (a rotation may be newer than the cache). */
async function verifyOrThrow(workspaceId: string, secrets: InboundSecrets, body: string, headers: WebhookHeaders) {
  if (isSignedByAny(verifiersAt(secrets), body, headers)) return;
  const reloaded = await getInboundSecrets(workspaceId, RELOAD_AFTER_MS);
  if (reloaded && reloaded !== secrets && isSignedByAny(verifiersAt(reloaded), body, headers)) return;
  throw new ApiError("UNAUTHORIZED", "Webhook signature does not match");
}

function parseJsonOrThrow(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new ApiError("INVALID_REQUEST", "Request body must be valid JSON");
  }
}

/**
 * Receives a Standard Webhooks request for a workspace. Check order, each refusal before any
 * later work: size (413) → workspace (404) → headers and signature (401) → JSON (400).
 */
export async function receiveSignedWebhook(request: Request, workspaceId: string, maxBytes?: number): Promise<SignedWebhook> {
  const bytes = await readCappedBody(request, maxBytes);
  const secrets = await getInboundSecretsOrThrow(workspaceId);
  const headers = readWebhookHeaders(request.headers);
  const text = decodeExactUtf8(bytes);
  // Bytes that are not UTF-8 cannot be verified exactly as received (the HMAC takes a string).
  if (text === null) throw new ApiError("UNAUTHORIZED", "Webhook signature does not match: body is not UTF-8");
  await verifyOrThrow(workspaceId, secrets, text, headers);
  return { workspaceId, webhookId: headers.id, text, json: parseJsonOrThrow(text) };
}
