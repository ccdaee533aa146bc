import { ApiError } from "@/lib/http/api-error";
import { MAX_WEBHOOK_BODY_BYTES } from "@/lib/http/body-limits";
import { decodeExactUtf8, readCappedBody } from "@/lib/http/read-capped-body";
import type { InboundVerifier } from "@/lib/inbound/build-verifier";
import { deriveDedupeKey } from "@/lib/inbound/derive-dedupe-key";
import { recordRefusal } from "@/lib/inbound/refusal-log";
import {
  type InboundRequestParts,
  type VerifiedRequest,
  verifyInboundRequest,
} from "@/lib/inbound/verify-inbound-request";
import { WebhookRefusal } from "@/lib/inbound/webhook-refusal";
import { getInboundVerifier, RELOAD_AFTER_MS } from "./get-inbound-verifier";

/** An inbound webhook verified under its workspace's profile, over the exact bytes received. */
export interface SignedWebhook {
  workspaceId: string;
  /** The sender's event id, or a key derived from the payload when it sent none (lib/inbound/derive-dedupe-key.ts). */
  webhookId: string;
  /** The body as received. */
  text: string;
  /** The body parsed as JSON, not yet checked against the contract. */
  json: unknown;
  /** The request's headers, for the refused-requests log should the payload break the contract. */
  headers: Headers;
}

const WORKSPACE_ID_PATTERN = /^[A-Za-z0-9_-]{1,128}$/;

async function getVerifierOrThrow(workspaceId: string): Promise<InboundVerifier> {
  const verifier = WORKSPACE_ID_PATTERN.test(workspaceId) ? await getInboundVerifier(workspaceId) : null;
  if (!verifier) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  return verifier;
}

/** Verifies; when refused, once more against a freshly loaded profile (a rotation or profile change may be newer than the cache). */
async function verifyOrThrow(
  workspaceId: string,
  verifier: InboundVerifier,
  parts: InboundRequestParts,
): Promise<VerifiedRequest> {
  try {
    return verifyInboundRequest(verifier, parts);
  } catch (error) {
    if (!(error instanceof WebhookRefusal)) throw error;
    const reloaded = await getInboundVerifier(workspaceId, RELOAD_AFTER_MS);
    if (!reloaded || reloaded === verifier) throw error;
    return verifyInboundRequest(reloaded, parts);
  }
}

function parseJsonOrThrow(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    throw new WebhookRefusal("body_not_json", "Request body must be valid JSON");
  }
}

/**
 * Receives an inbound webhook for a workspace, verified by the workspace's profile. Check order,
 * each refusal before any later work: size (413) → workspace (404) → profile: headers, signature
 * or URL token (401) → JSON (400). Refusals of an existing workspace are noted in its refused-
 * requests log (written later, batched; see lib/inbound/refusal-log.ts).
 */
export async function receiveSignedWebhook(
  request: Request,
  workspaceId: string,
  urlToken: string | null = null,
  maxBytes = MAX_WEBHOOK_BODY_BYTES,
): Promise<SignedWebhook> {
  const bytes = await readCappedBody(request, maxBytes);
  const verifier = await getVerifierOrThrow(workspaceId);
  const text = decodeExactUtf8(bytes);
  try {
    // Bytes that are not UTF-8 cannot be verified exactly as received (the HMAC takes a string).
    if (text === null) throw new WebhookRefusal("body_not_utf8", "Webhook signature does not match: body is not UTF-8");
    const verified = await verifyOrThrow(workspaceId, verifier, { headers: request.headers, body: text, urlToken });
    const json = parseJsonOrThrow(text);
    return { workspaceId, webhookId: verified.eventId ?? deriveDedupeKey(json), text, json, headers: request.headers };
  } catch (error) {
    if (error instanceof WebhookRefusal)
      recordRefusal(workspaceId, error, { headers: request.headers, body: text ?? bytes });
    throw error;
  }
}

/** A verified webhook whose payload the handler refused (400): noted in the refused-requests log as a contract problem. */
export function noteContractRefusal(webhook: SignedWebhook, error: unknown): void {
  if (!(error instanceof ApiError) || error.code !== "INVALID_REQUEST") return;
  recordRefusal(webhook.workspaceId, new WebhookRefusal("contract_field", error.message), {
    headers: webhook.headers,
    body: webhook.text,
  });
}
