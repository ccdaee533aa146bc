import { Webhook } from "standardwebhooks";
import { open } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";

// Verifying an event must not cost a query and a decryption: each workspace's inbound secrets are
// kept decrypted in memory for SECRETS_TTL_MS. Staleness bound after a rotation or revocation:
// - a new secret verifies within RELOAD_AFTER_MS — a signature that matches no cached secret
//   reloads the entry once it is that old (so forged requests cost at most one query per
//   workspace per second);
// - a secret taken away (the previous one revoked early) still verifies for up to SECRETS_TTL_MS;
// - the previous secret's expiry is checked at every verification, so it ends on time.
export const SECRETS_TTL_MS = 5_000;
export const RELOAD_AFTER_MS = 1_000;
const MAX_CACHED_WORKSPACES = 10_000;

export interface InboundSecrets {
  current: Webhook;
  previous: Webhook | null;
  /** Epoch ms after which `previous` no longer verifies. */
  previousExpiresAt: number;
  loadedAt: number;
}

interface CacheEntry {
  loadedAt: number;
  /** In flight or settled: concurrent misses share one query. null: no such workspace. */
  secrets: Promise<InboundSecrets | null>;
}

const cache = new Map<string, CacheEntry>();

async function loadInboundSecrets(workspaceId: string, loadedAt: number): Promise<InboundSecrets | null> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { inboundSecretEnc: true, previousInboundSecretEnc: true, previousInboundSecretExpiresAt: true },
  });
  if (!workspace) return null;
  const previousExpiresAt = workspace.previousInboundSecretExpiresAt?.getTime() ?? 0;
  return {
    current: new Webhook(open(workspace.inboundSecretEnc)),
    previous:
      workspace.previousInboundSecretEnc && previousExpiresAt > loadedAt
        ? new Webhook(open(workspace.previousInboundSecretEnc))
        : null,
    previousExpiresAt,
    loadedAt,
  };
}

/**
 * The workspace's inbound secrets, from memory when loaded less than `maxAgeMs` ago; null when the
 * workspace does not exist (also remembered, so unknown ids do not cost a query each).
 */
export function getInboundSecrets(workspaceId: string, maxAgeMs = SECRETS_TTL_MS): Promise<InboundSecrets | null> {
  const now = Date.now();
  const cached = cache.get(workspaceId);
  if (cached && now - cached.loadedAt < maxAgeMs) return cached.secrets;

  const entry: CacheEntry = { loadedAt: now, secrets: loadInboundSecrets(workspaceId, now) };
  cache.delete(workspaceId); // re-inserted last: the Map's order is the eviction order
  cache.set(workspaceId, entry);
  if (cache.size > MAX_CACHED_WORKSPACES) cache.delete(cache.keys().next().value as string);
  // A failed load (database down) is not remembered: the next request tries again.
  entry.secrets.catch(() => {
    if (cache.get(workspaceId) === entry) cache.delete(workspaceId);
  });
  return entry.secrets;
}

/** The secrets a signature may be made with at `now`: the current one, and the previous one during a rotation. */
export function verifiersAt(secrets: InboundSecrets, now = Date.now()): Webhook[] {
  return secrets.previous && secrets.previousExpiresAt > now ? [secrets.current, secrets.previous] : [secrets.current];
}
