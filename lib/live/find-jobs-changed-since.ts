import { prisma } from "@/lib/db/client";

/**
 * The jobs of these workspaces that an applied event changed since `since` (JobEvent.receivedAt: the
 * ingest statement's time, in UTC like the column), by portal row id — what a live listener may have missed while its
 * connection was down. At most `limit` + 1 rows, so the caller can tell "more than it wants".
 */
export async function findJobsChangedSince(workspaceIds: string[], since: Date, limit: number): Promise<Array<{ workspaceId: string; jobId: string }>> {
  if (workspaceIds.length === 0) return [];
  return prisma.$queryRaw<Array<{ workspaceId: string; jobId: string }>>`
    SELECT "workspaceId", "jobId" FROM "JobEvent"
     WHERE "workspaceId" = ANY(${workspaceIds}::text[]) AND "receivedAt" >= ${since.toISOString()}::timestamp(3) AND disposition = 'applied'
     -- the ISO text's "Z" is ignored by a timestamp without time zone: UTC to UTC, whatever the session's zone
     GROUP BY "workspaceId", "jobId"
     LIMIT ${limit + 1}`;
}
