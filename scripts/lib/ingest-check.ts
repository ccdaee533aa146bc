import type pg from "pg";
import { statusRank } from "@/lib/workflow/workflows";
import type { PhaseResult, SentEvent } from "./ingest-load";

// bench:ingest's database check: nothing lost, nothing doubled, every job where its furthest
// accepted event put it — and nothing at all from the floor's refused requests.

/** Checks one workspace's phase against what the database holds; prints the verdict. */
export async function checkStored(pool: pg.Pool, result: PhaseResult, floor: boolean): Promise<boolean> {
  const workspaceId = result.target.workspaceId;
  const { rows: stored } = await pool.query<{ webhookId: string }>(
    `SELECT "webhookId" FROM "JobEvent" WHERE "workspaceId" = $1`,
    [workspaceId],
  );
  const storedIds = new Set(stored.map((row) => row.webhookId));
  if (floor) {
    const { rows: jobs } = await pool.query(`SELECT 1 FROM "Job" WHERE "workspaceId" = $1`, [workspaceId]);
    const clean = stored.length === 0 && jobs.length === 0;
    console.log(
      `check ${result.target.name}: ${clean ? "nothing written" : `${stored.length} events and ${jobs.length} jobs written!`}`,
    );
    return clean;
  }
  const missing = result.accepted.filter((event) => !storedIds.has(event.webhookId)).length;
  const unanswered = stored.length - (result.accepted.length - missing);
  const furthest = new Map<string, SentEvent>();
  for (const event of result.accepted) {
    const best = furthest.get(event.jobId);
    if (!best || statusRank(event.product, event.status) > statusRank(best.product, best.status))
      furthest.set(event.jobId, event);
  }
  const { rows: jobs } = await pool.query<{ upstreamJobId: string; status: string }>(
    `SELECT "upstreamJobId", status::text FROM "Job" WHERE "workspaceId" = $1`,
    [workspaceId],
  );
  const wrongStatus = jobs.filter(
    (job) => furthest.has(job.upstreamJobId) && furthest.get(job.upstreamJobId)?.status !== job.status,
  ).length;
  const ok = missing === 0 && wrongStatus === 0 && stored.length === storedIds.size;
  console.log(
    `check ${result.target.name}: ${result.accepted.length} accepted, ${stored.length} stored (${missing} missing, ${unanswered} stored without a 2xx), ` +
      `${jobs.length} jobs, ${wrongStatus} not at their furthest status, ${result.failed} transport errors — ${ok ? "OK" : "FAILED"}`,
  );
  return ok;
}

/** Merges one workspace's rounds into one result for the database check. */
export function merged(results: PhaseResult[]): PhaseResult {
  const [first] = results;
  return {
    ...first,
    accepted: results.flatMap((result) => result.accepted),
    failed: results.reduce((sum, result) => sum + result.failed, 0),
  };
}
