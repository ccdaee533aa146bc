import { open } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { buildVerifier, type InboundVerifier } from "@/lib/inbound/build-verifier";
import { readStoredProfile } from "@/lib/inbound/read-stored-profile";
import { inboundSelect } from "@/lib/inbound/replace-inbound-secret";

// Verifying an event must not cost a query and a decryption: each workspace's profile and inbound
// secrets are kept decrypted (and their keys prepared) in memory for SECRETS_TTL_MS. Staleness
// bound after a rotation, a pasted secret or a profile change:
// - in this process, the settings functions drop the entry at once (forgetInboundVerifier);
// - elsewhere, a request the cached entry refuses reloads it once the entry is RELOAD_AFTER_MS
//   old (so refused requests cost at most one query per workspace per second), and every entry
//   is reloaded after SECRETS_TTL_MS;
// - the previous secret's expiry is checked at every verification, so it ends on time.
export const SECRETS_TTL_MS = 5_000;
export const RELOAD_AFTER_MS = 1_000;
const MAX_CACHED_WORKSPACES = 10_000;

interface CacheEntry {
  loadedAt: number;
  /** In flight or settled: concurrent misses share one query. null: no such workspace. */
  verifier: Promise<InboundVerifier | null>;
}

const cache = new Map<string, CacheEntry>();

/** The workspace's profile and keys, read and decrypted now (the cache below, and the Settings tester). */
export async function loadInboundVerifier(workspaceId: string, loadedAt = Date.now()): Promise<InboundVerifier | null> {
  const workspace = await prisma.workspace.findUnique({ where: { id: workspaceId }, select: inboundSelect });
  if (!workspace) return null;
  const previousExpiresAt = workspace.previousInboundSecretExpiresAt?.getTime() ?? 0;
  return buildVerifier(
    readStoredProfile(workspace.inboundVerification, workspace.inboundVerificationConfig),
    {
      current: open(workspace.inboundSecretEnc),
      previous:
        workspace.previousInboundSecretEnc && previousExpiresAt > loadedAt
          ? open(workspace.previousInboundSecretEnc)
          : null,
      previousExpiresAt,
    },
    loadedAt,
  );
}

/**
 * The workspace's verification profile and keys, from memory when loaded less than `maxAgeMs` ago;
 * null when the workspace does not exist (also remembered, so unknown ids do not cost a query each).
 */
export function getInboundVerifier(workspaceId: string, maxAgeMs = SECRETS_TTL_MS): Promise<InboundVerifier | null> {
  const now = Date.now();
  const cached = cache.get(workspaceId);
  if (cached && now - cached.loadedAt < maxAgeMs) return cached.verifier;

  const entry: CacheEntry = { loadedAt: now, verifier: loadInboundVerifier(workspaceId, now) };
  cache.delete(workspaceId); // re-inserted last: the Map's order is the eviction order
  cache.set(workspaceId, entry);
  if (cache.size > MAX_CACHED_WORKSPACES) cache.delete(cache.keys().next().value as string);
  // A failed load (database down) is not remembered: the next request tries again.
  entry.verifier.catch(() => {
    if (cache.get(workspaceId) === entry) cache.delete(workspaceId);
  });
  return entry.verifier;
}

/** Drops the workspace's entry: the settings functions call it after a change, so this process sees it at once. */
export function forgetInboundVerifier(workspaceId: string): void {
  cache.delete(workspaceId);
}
