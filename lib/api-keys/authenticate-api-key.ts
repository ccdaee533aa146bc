import "server-only";
import { hashApiKey } from "@/lib/crypto/api-key";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";

/** lastUsedAt is kept to the minute: one write per key per minute, not one per request. */
export const LAST_USED_RESOLUTION_MS = 60_000;

/** Longer tokens are refused before hashing: no key we issue comes close. */
const MAX_KEY_LENGTH = 256;

export interface ApiKeyPrincipal {
  apiKeyId: string;
  workspaceId: string;
}

/**
 * The workspace a Bearer key acts for, or null for an unknown or revoked key. One lookup by the
 * unique hash per request and no cache, so a revocation holds at once in every portal process.
 * Comparing hashes through the index leaks nothing useful by timing: the secret is never compared.
 */
export async function authenticateApiKey(key: string, now: Date = new Date()): Promise<ApiKeyPrincipal | null> {
  if (key.length === 0 || key.length > MAX_KEY_LENGTH) return null;
  const row = await prisma.apiKey.findUnique({
    where: { hashedKey: hashApiKey(key) },
    select: { id: true, workspaceId: true, revokedAt: true, lastUsedAt: true },
  });
  if (!row || row.revokedAt) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() >= LAST_USED_RESOLUTION_MS) {
    await touchLastUsed(row.id, now);
  }
  return { apiKeyId: row.id, workspaceId: row.workspaceId };
}

/**
 * The staleness test is repeated in the UPDATE's WHERE, so concurrent requests (in any process)
 * write at most once per minute. A failed write is logged, never a reason to refuse a valid key.
 */
async function touchLastUsed(apiKeyId: string, now: Date): Promise<void> {
  const staleBefore = new Date(now.getTime() - LAST_USED_RESOLUTION_MS);
  try {
    await prisma.apiKey.updateMany({
      where: { id: apiKeyId, OR: [{ lastUsedAt: null }, { lastUsedAt: { lte: staleBefore } }] },
      data: { lastUsedAt: now },
    });
  } catch (error) {
    logger.warn({ apiKeyId, error }, "could not record API key use");
  }
}
