import { prisma } from "@/lib/db/client";

/**
 * The jobs of these workspaces that an applied event changed since `since` (JobEvent.receivedAt: the
 * ingest statement's time, in UTC like the column), by portal row id — what a live listener may have missed while its
 * connection was down. At most `limit` + 1 rows, so the caller can tell "more than it wants".
 */
export async function findJobsChangedSince(
  workspaceIds: string[],
  since: Date,
  limit: number,
): Promise<Array<{ workspaceId: string; jobId: string }>> {
  if (workspaceIds.length === 0) return [];
  return prisma.$queryRaw<Array<{ workspaceId: string; jobId: string }>>`
    SELECT "workspaceId", "jobId" FROM "JobEvent"
     WHERE "workspaceId" = ANY(${workspaceIds}::text[]) AND "receivedAt" >= ${since.toISOString()}::timestamp(3) AND disposition = 'applied'
     -- the ISO text's "Z" is ignored by a timestamp without time zone: UTC to UTC, whatever the session's zone
     GROUP BY "workspaceId", "jobId"
     LIMIT ${limit + 1}`;
}

export interface AppliedChanges {
  /** The database's clock when the rows were read: the next read starts from here, less a margin. */
  readAt: Date;
  /** Each applied change (a job reaching a status) stored since `since`; at most `limit` + 1. */
  changes: Array<{ workspaceId: string; jobId: string; status: string }>;
}

/**
 * The applied changes of these workspaces stored since `since` (JobEvent.receivedAt, UTC), and the
 * database's time of reading: the live listener's sweep, which finds what a lost notification did
 * not say. `since` null: nothing, only the time.
 */
export async function findAppliedChangesSince(
  workspaceIds: string[],
  since: Date | null,
  limit: number,
): Promise<AppliedChanges> {
  // Both times are the database's clock, passed as an instant (epoch ms; an ISO text with its Z):
  // right whatever the session's time zone.
  const [row] = await prisma.$queryRaw<Array<{ readAtMs: number; changes: AppliedChanges["changes"] | null }>>`
    SELECT (extract(epoch FROM statement_timestamp()) * 1000)::float8 AS "readAtMs",
           (SELECT json_agg(json_build_object('workspaceId', "workspaceId", 'jobId', "jobId", 'status', status))
              FROM (SELECT "workspaceId", "jobId", status FROM "JobEvent"
                     WHERE "workspaceId" = ANY(${workspaceIds}::text[]) AND ${since !== null}
                       AND "receivedAt" >= (${(since ?? new Date(0)).toISOString()}::timestamptz AT TIME ZONE 'UTC')
                       AND disposition = 'applied'
                     LIMIT ${limit + 1}) AS changed) AS changes`;
  return { readAt: new Date(row.readAtMs), changes: row.changes ?? [] };
}
