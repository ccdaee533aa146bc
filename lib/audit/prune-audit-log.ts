import "server-only";
import { prisma } from "@/lib/db/client";

/** How long the audit log keeps an entry. */
export const AUDIT_RETENTION_DAYS = 365;
const BATCH = 5_000;

/**
 * Deletes entries older than a year, in batches (each its own statement, so a long backlog never
 * holds locks or meets the statement timeout). Run by every portal process's housekeeping
 * (lib/housekeeping/start-housekeeping.ts); running it twice at once is harmless.
 */
export async function pruneAuditLog(now = new Date()): Promise<{ deleted: number }> {
  const cutoff = new Date(now.getTime() - AUDIT_RETENTION_DAYS * 24 * 60 * 60 * 1000);
  let deleted = 0;
  for (;;) {
    const count = await prisma.$executeRaw`
      DELETE FROM "AuditLogEntry" WHERE "id" IN (SELECT "id" FROM "AuditLogEntry" WHERE "createdAt" < ${cutoff} LIMIT ${BATCH})`;
    deleted += count;
    if (count < BATCH) return { deleted };
  }
}
