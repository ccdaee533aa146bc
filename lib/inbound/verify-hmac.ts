import { createHmac, timingSafeEqual } from "node:crypto";
import { headerLabel } from "./header-label";
import type { HmacProfile } from "./schemas";
import type { SignatureDiagnostics } from "./types";
import { maskSignature, WebhookRefusal } from "./webhook-refusal";

// The generic HMAC profile: a signature header of the vendor's naming, over the raw body or over
// `{timestamp}.{body}`, in hex or base64, in the plain shape (`sha256=<hex>`) or in Stripe's
// (`t=…,v1=…`). Every received signature is compared with every usable key in constant time.

export interface HmacKey {
  secret: "current" | "previous";
  key: Buffer;
}

const DIGEST_BYTES = { sha256: 32, sha512: 64, sha1: 20 } as const;
const MAX_SIGNATURES = 16;
const TIMESTAMP_PATTERN = /^[0-9]{1,12}$/;
const HEX = /^[0-9a-fA-F]+$/;
const BASE64 = /^[A-Za-z0-9+/_-]+={0,2}$/;

interface ParsedHeader {
  /** The signatures as sent (without prefix), for display. */
  entries: string[];
  /** From a `t=` pair (Stripe's shape); otherwise null. */
  timestamp: string | null;
}

function parseSignatureHeader(profile: HmacProfile, value: string): ParsedHeader {
  if (profile.headerFormat === "pairs") {
    const pairs = value.split(",").map((pair) => {
      const equals = pair.indexOf("=");
      return equals < 0 ? [pair.trim()] : [pair.slice(0, equals).trim(), pair.slice(equals + 1).trim()];
    });
    const timestamp = pairs.find(([key]) => key === "t")?.[1] ?? null;
    const entries = pairs.filter(([key, sig]) => key === "v1" && sig !== undefined).map(([, sig]) => sig);
    return { entries, timestamp };
  }
  const prefix = profile.prefix.toLowerCase();
  const entries = value
    .split(/[\s,]+/)
    .filter((entry) => entry !== "" && entry.toLowerCase().startsWith(prefix))
    .map((entry) => entry.slice(prefix.length));
  return { entries, timestamp: null };
}

function decodeSignature(profile: HmacProfile, text: string): Buffer | null {
  const bytes = DIGEST_BYTES[profile.algorithm];
  if (profile.encoding === "hex") return HEX.test(text) && text.length === bytes * 2 ? Buffer.from(text, "hex") : null;
  if (!BASE64.test(text)) return null;
  const decoded = Buffer.from(text.replace(/-/g, "+").replace(/_/g, "/"), "base64");
  return decoded.length === bytes ? decoded : null;
}

function describeExpected(profile: HmacProfile, signature: Buffer): string {
  const text = signature.toString(profile.encoding);
  return `${profile.headerFormat === "pairs" ? "v1=" : profile.prefix}${maskSignature(text)}`;
}

export function describeHmacScheme(profile: HmacProfile): string {
  return `HMAC-${profile.algorithm.toUpperCase()}, ${profile.encoding}`;
}

/**
 * Verifies a request under an HMAC profile; throws a WebhookRefusal naming the first problem.
 * `toleranceSeconds` overrides the profile's only for the tester's "ignoring the time" check.
 */
export function verifyHmac(
  profile: HmacProfile,
  keys: readonly HmacKey[],
  headers: Headers,
  body: string,
  nowSeconds: number,
  toleranceSeconds = profile.toleranceSeconds,
): void {
  const label = headerLabel(profile.signatureHeader);
  const value = headers.get(profile.signatureHeader);
  if (value === null) throw new WebhookRefusal("missing_header", `Missing ${label} header`);

  const parsed = parseSignatureHeader(profile, value);
  const shape = profile.headerFormat === "pairs" ? "t=<timestamp>,v1=<signature>" : `${profile.prefix}<signature>`;
  if (parsed.entries.length === 0)
    throw new WebhookRefusal("malformed_header", `Malformed ${label} header: expected ${shape}`);
  const received = parsed.entries
    .slice(0, MAX_SIGNATURES)
    .map((entry) => decodeSignature(profile, entry))
    .filter((sig) => sig !== null);
  if (received.length === 0) {
    throw new WebhookRefusal(
      "malformed_header",
      `Malformed ${label} header: not a ${profile.encoding} ${profile.algorithm.toUpperCase()} signature`,
    );
  }

  let signingString = body;
  let signedContent = "{body}";
  if (profile.signedContent === "timestamp_body") {
    const source = profile.headerFormat === "pairs" ? `t= in ${label}` : headerLabel(profile.timestampHeader ?? "");
    const timestamp = profile.headerFormat === "pairs" ? parsed.timestamp : headers.get(profile.timestampHeader ?? "");
    if (timestamp === null) throw new WebhookRefusal("missing_header", `Missing timestamp (${source})`);
    if (!TIMESTAMP_PATTERN.test(timestamp))
      throw new WebhookRefusal("malformed_header", `Malformed timestamp (${source}): expected Unix seconds`);
    if (Math.abs(nowSeconds - Number(timestamp)) > toleranceSeconds) {
      throw new WebhookRefusal(
        "timestamp_outside_tolerance",
        `Webhook timestamp is outside the ${profile.toleranceSeconds}-second tolerance`,
      );
    }
    signingString = `${timestamp}.${body}`;
    signedContent = "{timestamp}.{body}";
  }

  const expected = keys.map(({ secret, key }) => ({
    secret,
    signature: createHmac(profile.algorithm, key).update(signingString, "utf8").digest(),
  }));
  // Every pair is compared (no early exit), so the time taken does not tell which one matched.
  let matched = false;
  for (const { signature } of expected) {
    for (const candidate of received) matched = timingSafeEqual(signature, candidate) || matched;
  }
  if (matched) return;

  const diagnostics: SignatureDiagnostics = {
    scheme: describeHmacScheme(profile),
    signedContent,
    signingString,
    signingStringBytes: Buffer.byteLength(signingString, "utf8"),
    expected: expected.map(({ secret, signature }) => ({ secret, signature: describeExpected(profile, signature) })),
    received: parsed.entries
      .slice(0, 5)
      .map((entry) => `${profile.headerFormat === "pairs" ? "v1=" : profile.prefix}${maskSignature(entry)}`),
  };
  throw new WebhookRefusal("signature_mismatch", "Webhook signature does not match", diagnostics);
}

/** Which key verified it: the first whose HMAC equals one of the signatures (the tester says which). */
export function findMatchingHmacKey(
  profile: HmacProfile,
  keys: readonly HmacKey[],
  headers: Headers,
  body: string,
  nowSeconds: number,
): HmacKey["secret"] | null {
  for (const key of keys) {
    try {
      verifyHmac(profile, [key], headers, body, nowSeconds, Number.POSITIVE_INFINITY);
      return key.secret;
    } catch {
      // not this one
    }
  }
  return null;
}
