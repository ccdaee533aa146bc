import { createHmac, timingSafeEqual } from "node:crypto";
import { type Webhook, WebhookVerificationError } from "standardwebhooks";
import type { RefusalReason, SignatureDiagnostics } from "@/lib/inbound/types";
import { maskSignature, WebhookRefusal } from "@/lib/inbound/webhook-refusal";

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

function unauthorized(reason: RefusalReason, message: string): WebhookRefusal {
  return new WebhookRefusal(reason, message);
}

/**
 * The Standard Webhooks headers, well-formed and within the timestamp tolerance, or a 401 naming
 * the reason. `toleranceSeconds` is Infinity only for the Settings tester's "ignoring the time" check.
 */
export function readWebhookHeaders(
  headers: Headers,
  nowSeconds = Math.floor(Date.now() / 1000),
  toleranceSeconds = TIMESTAMP_TOLERANCE_SECONDS,
): WebhookHeaders {
  const id = headers.get("webhook-id");
  const timestamp = headers.get("webhook-timestamp");
  const signature = headers.get("webhook-signature");
  if (id === null || timestamp === null || signature === null) {
    throw unauthorized("missing_header", "Missing webhook-id, webhook-timestamp or webhook-signature header");
  }
  if (!ID_PATTERN.test(id)) throw unauthorized("malformed_header", "Malformed webhook-id header");
  if (!TIMESTAMP_PATTERN.test(timestamp))
    throw unauthorized("malformed_header", "Malformed webhook-timestamp header: expected Unix seconds");
  if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
    throw unauthorized("timestamp_outside_tolerance", "Webhook timestamp is outside the 5-minute tolerance");
  }
  const entries = signature.split(" ");
  if (
    entries.length > MAX_SIGNATURES ||
    !entries.every((entry) => SIGNATURE_ENTRY_PATTERN.test(entry)) ||
    !entries.some((entry) => V1_ENTRY_PATTERN.test(entry))
  ) {
    throw unauthorized(
      "malformed_header",
      "Malformed webhook-signature header: expected space-separated v1,<base64> signatures",
    );
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

const maskEntry = (entry: string) => {
  const comma = entry.indexOf(",");
  return `${entry.slice(0, comma + 1)}${maskSignature(entry.slice(comma + 1))}`;
};

/** The HMAC key of a `whsec_` secret (the prefix is optional, as the spec allows), or null if it is not base64. */
export function standardKeyOf(secret: string): Buffer | null {
  const encoded = secret.replace(/^whsec_/, "");
  return /^[A-Za-z0-9+/]+={0,2}$/.test(encoded) ? Buffer.from(encoded, "base64") : null;
}

function expectedSignature(key: Buffer, body: string, headers: WebhookHeaders): Buffer {
  return createHmac("sha256", key).update(`${headers.id}.${headers.timestamp}.${body}`, "utf8").digest();
}

/**
 * Which of the keys made one of the `v1` signatures (its index), or -1. The same check as
 * isSignedByAny, with node's native HMAC, and no clock of its own: readWebhookHeaders has judged
 * the timestamp already (so the tester can look at a stale request's signature too).
 */
export function findStandardSigner(keys: readonly Buffer[], body: string, headers: WebhookHeaders): number {
  const received = headers.signature
    .split(" ")
    .filter((entry) => V1_ENTRY_PATTERN.test(entry))
    .map((entry) => Buffer.from(entry.slice(3), "base64"));
  let found = -1;
  keys.forEach((key, index) => {
    const expected = expectedSignature(key, body, headers);
    // Every pair is compared (no early exit): the time taken does not tell which matched.
    for (const candidate of received) if (timingSafeEqual(expected, candidate) && found === -1) found = index;
  });
  return found;
}

/** What a Standard Webhooks mismatch shows: the signed string, and expected vs received signatures, masked. Failure path only. */
export function describeStandardMismatch(
  keys: ReadonlyArray<{ secret: "current" | "previous"; key: Buffer }>,
  body: string,
  headers: WebhookHeaders,
): SignatureDiagnostics {
  const signingString = `${headers.id}.${headers.timestamp}.${body}`;
  return {
    scheme: "Standard Webhooks v1 (HMAC-SHA256, base64)",
    signedContent: "{webhook-id}.{webhook-timestamp}.{body}",
    signingString,
    signingStringBytes: Buffer.byteLength(signingString, "utf8"),
    expected: keys.map(({ secret, key }) => ({
      secret,
      signature: maskEntry(`v1,${expectedSignature(key, body, headers).toString("base64")}`),
    })),
    received: headers.signature.split(" ").slice(0, 5).map(maskEntry),
  };
}
