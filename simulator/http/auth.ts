import { createHash, timingSafeEqual } from "node:crypto";
import type { IncomingMessage } from "node:http";

export type AuthResult = { ok: true; apiKey: string } | { ok: false; message: string };

const digest = (value: string) => createHash("sha256").update(value).digest();

/**
 * The Bearer key of a request. Keys are compared as SHA-256 digests with timingSafeEqual, and every
 * configured key is compared, so neither the length nor the position of a match leaks through timing.
 */
export function authenticate(req: IncomingMessage, apiKeys: readonly string[]): AuthResult {
  const header = req.headers.authorization;
  if (!header) return { ok: false, message: "Missing API key. Send Authorization: Bearer <API key>." };
  const match = /^Bearer[ \t]+(\S+)[ \t]*$/i.exec(header);
  if (!match) return { ok: false, message: "Invalid Authorization header. Expected: Bearer <API key>." };
  const given = digest(match[1]);
  let found: string | undefined;
  for (const key of apiKeys) {
    if (timingSafeEqual(given, digest(key)) && found === undefined) found = key;
  }
  return found === undefined ? { ok: false, message: "Invalid API key" } : { ok: true, apiKey: found };
}
