import { Webhook, WebhookVerificationError } from "standardwebhooks";
import { ApiError } from "@/lib/http/api-error";

// Standard Webhooks verification. The three headers are checked strictly here first because the
// `standardwebhooks` package is lenient (it parseInt()s the timestamp, so "12abc" passes); the
// package then does the HMAC and the constant-time comparison.
export const TIMESTAMP_TOLERANCE_SECONDS = 5 * 60;

export interface WebhookHeaders {
  id: string;
  /** Unix seconds, as sent (digits only). */
  timestamp: string;
  signature: string;
}

const ID_PATTERN = /^[\x21-\x7e]{1,256}$/; // printable ASCII, no spaces: it is part of the signed content
const TIMESTAMP_PATTERN = /^[0-9]{1,12}$/;
// `v<n>[suffix],<base64>`; other versions (e.g. asymmetric `v1a`) are allowed and ignored, as the spec says.
const SIGNATURE_ENTRY_PATTERN = /^v[0-9]+[a-z]?,[A-Za-z0-9+/]+={0,2}$/;
const V1_ENTRY_PATTERN = /^v1,[A-Za-z0-9+/]{43}=$/; // base64 of a 32-byte HMAC-SHA256
const MAX_SIGNATURES = 16;

function unauthorized(message: string): ApiError {
  return new ApiError("UNAUTHORIZED", message);
}

/** The Standard Webhooks headers, well-formed and within the timestamp tolerance, or a 401. */
export function readWebhookHeaders(headers: Headers, nowSeconds = Math.floor(Date.now() / 1000)): WebhookHeaders {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signature = headers.get("webhook-signature");
  if (id === null || timestamp === null || signature === null) {
    throw unauthorized("Missing webhook-id, webhook-timestamp or webhook-signature header");
  }
  if (!ID_PATTERN.test(id)) throw unauthorized("Malformed webhook-id header");
  if (!TIMESTAMP_PATTERN.test(timestamp)) throw unauthorized("Malformed webhook-timestamp header: expected Unix seconds");
  if (Math.abs(nowSeconds - Number(timestamp)) > TIMESTAMP_TOLERANCE_SECONDS) {
    throw unauthorized("Webhook timestamp is outside the 5-minute tolerance");
  }
  const entries = signature.split(" ");
  if (
    entries.length > MAX_SIGNATURES ||
    !entries.every((entry) => SIGNATURE_ENTRY_PATTERN.test(entry)) ||
    !entries.some((entry) => V1_ENTRY_PATTERN.test(entry))
  ) {
    throw unauthorized("Malformed webhook-signature header: expected space-separated v1,<base64> signatures");
  }
  return { id, timestamp, signature };
}

/** Whether any of the `v1` signatures was made over `body` with one of the given secrets. */
export function isSignedByAny(verifiers: readonly Webhook[], body: string, headers: WebhookHeaders): boolean {
  const asHeaders = {
    "webhook-id": headers.id,
    "webhook-timestamp": headers.timestamp,
    "webhook-signature": headers.signature,
  };
  for (const verifier of verifiers) {
    try {
      verifier.verify(body, asHeaders, { jsonParse: false });
      return true;
    } catch (error) {
      if (!(error instanceof WebhookVerificationError)) throw error;
    }
  }
  return false;
}
