import "server-only";
import { pruneAuditLog } from "@/lib/audit/prune-audit-log";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { purgeDeletedWorkspaces } from "@/lib/workspaces/purge-deleted-workspaces";

// Chores every portal process runs in the background: audit entries past their year go, and
// deleted workspaces whose purge was cut short are finished. Both are idempotent, so any number
// of processes may run them at once; a failed round is logged and tried again next time.
const EVERY_MS = 10 * 60 * 1000;
const globalForHousekeeping = globalThis as unknown as { jobsPortalHousekeeping?: NodeJS.Timeout };

export async function runHousekeeping(): Promise<void> {
  try {
    const [pruned, purged] = [await pruneAuditLog(), await purgeDeletedWorkspaces()];
    if (pruned.deleted > 0 || purged.purged > 0)
      logger.info({ auditEntriesPruned: pruned.deleted, workspacesPurged: purged.purged }, "housekeeping");
  } catch (error) {
    logger.warn({ error }, "housekeeping round failed; trying again later");
  }
}

export function startHousekeeping(): void {
  if (globalForHousekeeping.jobsPortalHousekeeping) return; // dev-mode reloads register again
  if (env.NEXT_PHASE === "phase-production-build" || !env.DATABASE_URL) return;
  const timer = setInterval(() => void runHousekeeping(), EVERY_MS);
  timer.unref();
  globalForHousekeeping.jobsPortalHousekeeping = timer;
  setTimeout(() => void runHousekeeping(), 30_000).unref();
}
