import { createHash, randomBytes } from "node:crypto";

// Portal API keys: shown once, stored only as a SHA-256 hash (the key is 192 random bits, so a
// fast hash is enough — unlike passwords, it cannot be guessed).
export const API_KEY_PREFIX = "jp_live_";

export function generateApiKey(): string {
  return `${API_KEY_PREFIX}${randomBytes(24).toString("base64url")}`;
}

export function hashApiKey(key: string): string {
  return createHash("sha256").update(key, "utf8").digest("hex");
}

/** What lists show to tell keys apart: the prefix and the first characters of the secret. */
export function displayPrefix(key: string): string {
  return key.slice(0, API_KEY_PREFIX.length + 6);
}
