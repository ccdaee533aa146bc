import "server-only";
import { prisma } from "@/lib/db/client";
import { JOB_STATES, type JobState } from "@/lib/workflow/workflows";
import type { JobCounts } from "./types";

/** Past this many jobs in a state the tab says "10,000+": an exact count of a million rows costs ~0.5 s. */
export const COUNT_CAP = 10_000;

/**
 * Jobs per state for the filter tabs. One statement; each state's count is an index-only scan of
 * (workspaceId, state, …) that stops at the cap, so it costs the same at a hundred or a million jobs.
 */
export async function countJobsByState(workspaceId: string): Promise<JobCounts> {
  const rows = await prisma.$queryRaw<Array<{ state: JobState; count: bigint }>>`
    SELECT s.state::text AS state,
           (SELECT count(*) FROM (
              SELECT 1 FROM "Job" j WHERE j."workspaceId" = ${workspaceId} AND j.state = s.state LIMIT ${COUNT_CAP + 1}
            ) AS capped) AS count
    FROM unnest(enum_range(NULL::"JobState")) AS s(state)`;
  const counts = { all: { count: 0, atLeast: false } } as JobCounts;
  for (const state of JOB_STATES) counts[state] = { count: 0, atLeast: false };
  for (const row of rows) {
    const count = Number(row.count);
    const capped = count > COUNT_CAP;
    counts[row.state] = { count: capped ? COUNT_CAP : count, atLeast: capped };
    counts.all = { count: counts.all.count + counts[row.state].count, atLeast: counts.all.atLeast || capped };
  }
  return counts;
}
