import { createHash } from "node:crypto";
import { standardKeyOf } from "@/lib/ingest/verify-signature";
import type { VerificationProfile } from "./schemas";

// What verification needs of a workspace, decrypted and prepared once (lib/ingest/get-inbound-verifier.ts
// caches it), so that a request costs no query, no decryption and no key parsing.

export interface InboundKey {
  secret: "current" | "previous";
  /** The secret as stored, kept only so refusal excerpts can be redacted of it. */
  text: string;
  /** Standard Webhooks: the key (the base64-decoded part of `whsec_…`); null when the secret is not base64. */
  standardKey: Buffer | null;
  /** HMAC: the key bytes, per the profile's secretEncoding. */
  hmacKey: Buffer;
  /** URL token: its SHA-256, compared in constant time with the SHA-256 of the token received. */
  tokenDigest: Buffer;
}

export interface InboundVerifier {
  profile: VerificationProfile;
  current: InboundKey;
  previous: InboundKey | null;
  /** Epoch ms after which `previous` no longer verifies. */
  previousExpiresAt: number;
  loadedAt: number;
}

export function digestToken(token: string): Buffer {
  return createHash("sha256").update(token, "utf8").digest();
}

export function buildKey(profile: VerificationProfile, secret: string, label: InboundKey["secret"]): InboundKey {
  const base64Key = profile.kind === "hmac" && profile.secretEncoding === "base64";
  return {
    secret: label,
    text: secret,
    standardKey: profile.kind === "standard_webhooks" ? standardKeyOf(secret) : null,
    hmacKey: base64Key ? Buffer.from(secret.replace(/^whsec_/, ""), "base64") : Buffer.from(secret, "utf8"),
    tokenDigest: digestToken(secret),
  };
}

export function buildVerifier(
  profile: VerificationProfile,
  secrets: { current: string; previous: string | null; previousExpiresAt: number },
  loadedAt: number,
): InboundVerifier {
  return {
    profile,
    current: buildKey(profile, secrets.current, "current"),
    previous:
      secrets.previous && secrets.previousExpiresAt > loadedAt ? buildKey(profile, secrets.previous, "previous") : null,
    previousExpiresAt: secrets.previousExpiresAt,
    loadedAt,
  };
}

/** The keys a request may be made with at `now`: the current one, and the previous one during a rotation. */
export function keysAt(verifier: InboundVerifier, now = Date.now()): InboundKey[] {
  return verifier.previous && verifier.previousExpiresAt > now
    ? [verifier.current, verifier.previous]
    : [verifier.current];
}
