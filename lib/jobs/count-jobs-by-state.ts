import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import { JOB_STATES, type JobState } from "@/lib/workflow/workflows";
import type { JobCounts } from "./types";

/** Past this many jobs a count that scans jobs says "10,000+" (the stuck count: it is computed, not kept). */
export const COUNT_CAP = 10_000;

/**
 * Jobs per state for the filter tabs, exact at any size: summed from the counters the ingest
 * keeps (JobDayCounter, lib/insight/count-jobs-step.ts) — one row per day, product and state, so
 * the cost grows with the workspace's age, not its number of jobs.
 */
export async function countJobsByState(workspaceId: string, db: Db = prisma): Promise<JobCounts> {
  const rows = await db.$queryRaw<Array<{ state: JobState; count: bigint }>>`
    SELECT state::text AS state, sum(jobs) AS count FROM "JobDayCounter" WHERE "workspaceId" = ${workspaceId} GROUP BY state`;
  const counts = { all: { count: 0, atLeast: false } } as JobCounts;
  for (const state of JOB_STATES) counts[state] = { count: 0, atLeast: false };
  for (const row of rows) {
    counts[row.state] = { count: Number(row.count), atLeast: false };
    counts.all.count += Number(row.count);
  }
  return counts;
}
