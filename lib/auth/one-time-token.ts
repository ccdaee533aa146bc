import { createHash, randomBytes, timingSafeEqual } from "node:crypto";

// Tokens mailed in links (email confirmation today; invites and password resets next): 256 random
// bits, so a fast SHA-256 is enough at rest — a leaked table holds nothing that opens a link.
const TOKEN_BYTES = 32;

export interface OneTimeToken {
  /** Goes into the link, never into the database. */
  token: string;
  /** Goes into the database. */
  tokenHash: string;
  expiresAt: Date;
}

export function hashToken(token: string): string {
  return createHash("sha256").update(token, "utf8").digest("hex");
}

export function createOneTimeToken(ttlMs: number, now: Date = new Date()): OneTimeToken {
  const token = randomBytes(TOKEN_BYTES).toString("base64url");
  return { token, tokenHash: hashToken(token), expiresAt: new Date(now.getTime() + ttlMs) };
}

export function isExpired(expiresAt: Date, now: Date = new Date()): boolean {
  return expiresAt.getTime() <= now.getTime();
}

/** Whether a presented token matches a stored hash, in constant time. */
export function tokenMatches(token: string, storedHash: string): boolean {
  const actual = Buffer.from(hashToken(token), "hex");
  const expected = Buffer.from(storedHash, "hex");
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}
