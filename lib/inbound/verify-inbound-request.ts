import { timingSafeEqual } from "node:crypto";
import { describeStandardMismatch, findStandardSigner, readWebhookHeaders } from "@/lib/ingest/verify-signature";
import { digestToken, type InboundKey, type InboundVerifier, keysAt } from "./build-verifier";
import type { VerificationProfile } from "./schemas";
import { verifyHmac } from "./verify-hmac";
import { WebhookRefusal } from "./webhook-refusal";

// One request through the workspace's profile. There is no fallback: a request is judged by its
// workspace's profile alone, and anything short of a proof under it is refused.

export interface InboundRequestParts {
  headers: Headers;
  /** The body exactly as received. */
  body: string;
  /** The token of /api/webhooks/{workspaceId}/{token}; null on the plain URL. */
  urlToken: string | null;
}

export interface VerifyOptions {
  nowMs?: number;
  /** The tester's second look at a stale request: is the signature itself right? */
  ignoreTolerance?: boolean;
}

export interface VerifiedRequest {
  /** The sender's event id (webhook-id, or the profile's id header), or null: the key is then derived from the payload. */
  eventId: string | null;
  /** Which secret proved it; null when several matched equally or for a token (which is compared with both). */
  matchedSecret: InboundKey["secret"] | null;
}

const ID_PATTERN = /^[\x21-\x7e]{1,256}$/;

function readIdHeader(name: string | undefined, headers: Headers): string | null {
  if (!name) return null;
  const value = headers.get(name);
  if (value === null || value === "") return null; // no id this time: the payload's key is used
  if (!ID_PATTERN.test(value))
    throw new WebhookRefusal("malformed_header", `Malformed ${name} header: expected 1–256 printable characters`);
  return value;
}

function verifyStandard(
  keys: InboundKey[],
  parts: InboundRequestParts,
  nowSeconds: number,
  ignoreTolerance: boolean,
): VerifiedRequest {
  const headers = readWebhookHeaders(parts.headers, nowSeconds, ignoreTolerance ? Number.POSITIVE_INFINITY : undefined);
  const usable = keys.flatMap((key) => (key.standardKey ? [{ secret: key.secret, key: key.standardKey }] : []));
  const signer = findStandardSigner(
    usable.map(({ key }) => key),
    parts.body,
    headers,
  );
  if (signer < 0) {
    throw new WebhookRefusal(
      "signature_mismatch",
      "Webhook signature does not match",
      describeStandardMismatch(usable, parts.body, headers),
    );
  }
  return { eventId: headers.id, matchedSecret: usable[signer].secret };
}

function verifyToken(
  keys: InboundKey[],
  token: string | null,
  profile: Extract<VerificationProfile, { kind: "url_token" }>,
  headers: Headers,
): VerifiedRequest {
  if (token === null) {
    throw new WebhookRefusal(
      "missing_token",
      "This workspace accepts webhooks only at its secret URL: /api/webhooks/{workspaceId}/{token}",
    );
  }
  const given = digestToken(token);
  // Both keys are always compared, so the time taken does not tell which one (if any) matched.
  let matched: InboundKey["secret"] | null = null;
  for (const key of keys) {
    if (timingSafeEqual(given, key.tokenDigest) && matched === null) matched = key.secret;
  }
  if (matched === null) throw new WebhookRefusal("unknown_token", "Unknown webhook token");
  return { eventId: readIdHeader(profile.idHeader, headers), matchedSecret: matched };
}

/** Verifies a request under the workspace's profile, or throws a WebhookRefusal naming why not. */
export function verifyInboundRequest(
  verifier: InboundVerifier,
  parts: InboundRequestParts,
  options: VerifyOptions = {},
): VerifiedRequest {
  const nowMs = options.nowMs ?? Date.now();
  const nowSeconds = Math.floor(nowMs / 1000);
  const keys = keysAt(verifier, nowMs);
  const { profile } = verifier;
  if (profile.kind === "url_token") return verifyToken(keys, parts.urlToken, profile, parts.headers);
  if (parts.urlToken !== null) {
    throw new WebhookRefusal(
      "unexpected_token",
      "This workspace verifies signatures: send webhooks to /api/webhooks/{workspaceId}, without a token",
    );
  }
  if (profile.kind === "standard_webhooks")
    return verifyStandard(keys, parts, nowSeconds, options.ignoreTolerance ?? false);

  const tolerance = options.ignoreTolerance ? Number.POSITIVE_INFINITY : undefined;
  verifyHmac(
    profile,
    keys.map(({ secret, hmacKey }) => ({ secret, key: hmacKey })),
    parts.headers,
    parts.body,
    nowSeconds,
    tolerance,
  );
  return { eventId: readIdHeader(profile.idHeader, parts.headers), matchedSecret: null };
}
