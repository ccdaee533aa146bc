import "server-only";
import { prisma } from "@/lib/db/client";
import { logger } from "@/lib/log/logger";
import type { DownloadHealthEvent } from "./download-health-event";

// The workspace's DownloadResultHealth row, kept in one statement per call. A failure adds one to
// the run (atomically: concurrent callers all count) and keeps when the run began; a success ends
// the run. A success that changes nothing — no run to end, lastSuccessAt less than a minute old —
// matches no row and writes nothing, so a healthy busy workspace costs two index probes per call,
// not a row version. The row is created by its workspace's first recorded call.
export const SUCCESS_REFRESH_MS = 60_000;

async function recordFailure(workspaceId: string, error: string, now: Date): Promise<void> {
  await prisma.$executeRaw`
    INSERT INTO "DownloadResultHealth" ("workspaceId", "consecutiveFailures", "failingSince", "lastFailureAt", "lastError")
    SELECT "id", 1, ${now}, ${now}, ${error} FROM "Workspace" WHERE "id" = ${workspaceId}
    ON CONFLICT ("workspaceId") DO UPDATE SET
      "consecutiveFailures" = LEAST("DownloadResultHealth"."consecutiveFailures" + 1, 2147483647),
      "failingSince" = COALESCE("DownloadResultHealth"."failingSince", EXCLUDED."failingSince"),
      "lastFailureAt" = EXCLUDED."lastFailureAt",
      "lastError" = EXCLUDED."lastError"`;
}

async function recordSuccess(workspaceId: string, now: Date): Promise<void> {
  const stale = new Date(now.getTime() - SUCCESS_REFRESH_MS);
  // The INSERT sees the table as it was before the UPDATE (one snapshot): it adds the row only
  // when there was none, and a concurrent first call's row wins (DO NOTHING takes no lock).
  await prisma.$executeRaw`
    WITH reset AS (
      UPDATE "DownloadResultHealth"
         SET "consecutiveFailures" = 0, "failingSince" = NULL, "lastSuccessAt" = ${now}
       WHERE "workspaceId" = ${workspaceId}
         AND ("consecutiveFailures" > 0 OR "lastSuccessAt" IS NULL OR "lastSuccessAt" < ${stale})
    )
    INSERT INTO "DownloadResultHealth" ("workspaceId", "lastSuccessAt")
    SELECT "id", ${now} FROM "Workspace"
     WHERE "id" = ${workspaceId}
       AND NOT EXISTS (SELECT 1 FROM "DownloadResultHealth" WHERE "workspaceId" = ${workspaceId})
    ON CONFLICT ("workspaceId") DO NOTHING`;
}

/**
 * Records one download-result call's outcome for the workspace (null: an answer about the job,
 * which says nothing about the upstream). Never throws: the call's own answer matters more than
 * its record, so a database error here is logged and the caller goes on.
 */
export async function recordDownloadHealth(
  workspaceId: string,
  event: DownloadHealthEvent | null,
  now = new Date(),
): Promise<void> {
  if (!event) return;
  try {
    if (event.ok) await recordSuccess(workspaceId, now);
    else await recordFailure(workspaceId, event.error, now);
  } catch (error) {
    logger.warn({ workspaceId, error }, "download-result health not recorded");
  }
}
