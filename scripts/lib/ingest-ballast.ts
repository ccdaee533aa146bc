import type pg from "pg";
import { inTransaction } from "./in-transaction";
import { JOB_BATCH_SQL, WORKFLOW_VALUES } from "./jobs-seed-sql";

// bench:ingest's ballast: one workspace of earlier jobs and their events, seeded once (by
// PostgreSQL, bench:jobs' generator) and kept between runs, so that the tables the ingest writes
// are those of a portal in service and the planner's statistics say so. Without it every run
// started on tables emptied and analysed: statistics of empty tables make the planner read them
// in full (a sequential scan is cheapest over no rows), the pooled connections keep those plans
// until autovacuum analyses again (up to a minute), and by then each statement scanned thousands
// of rows — PostgreSQL's time per event tripled, for the phase that happened to plan first.

export const BALLAST_WORKSPACE_ID = "ballast-ingest";
const BALLAST_JOBS = 40_000;
const BATCH = 10_000;
/** The ballast's jobs span this many days up to its seeding. */
const SPAN_DAYS = 30;

/** Seeds the ballast unless an earlier run left it complete; returns its jobs and events. */
export async function ensureBallast(
  pool: pg.Pool,
  log: (line: string) => void,
): Promise<{ jobs: number; events: number }> {
  const count = async () => {
    const { rows } = await pool.query<{ jobs: string; events: string }>(
      `SELECT (SELECT count(*) FROM "Job" WHERE "workspaceId" = $1) AS jobs,
              (SELECT count(*) FROM "JobEvent" WHERE "workspaceId" = $1) AS events`,
      [BALLAST_WORKSPACE_ID],
    );
    return { jobs: Number(rows[0].jobs), events: Number(rows[0].events) };
  };
  const found = await count();
  if (found.jobs === BALLAST_JOBS) return found;

  log(`seeding the ballast workspace: ${BALLAST_JOBS.toLocaleString()} jobs and their events (once)`);
  const started = performance.now();
  const t0 = new Date(Math.floor(Date.now() / 1000) * 1000);
  await inTransaction(pool, async (client) => {
    await client.query(`DELETE FROM "Workspace" WHERE id = $1`, [BALLAST_WORKSPACE_ID]);
    await client.query(
      `INSERT INTO "Workspace" (id, name, "inboundSecretEnc", "updatedAt") VALUES ($1, $1, 'unused', now())`,
      [BALLAST_WORKSPACE_ID],
    );
    for (let from = 1; from <= BALLAST_JOBS; from += BATCH) {
      const params = {
        workspaceId: BALLAST_WORKSPACE_ID,
        prefix: "ballast",
        from,
        to: Math.min(BALLAST_JOBS, from + BATCH - 1),
        t0: t0.toISOString(),
        spacing: (SPAN_DAYS * 86_400) / BALLAST_JOBS,
        salt: 3,
      };
      await client.query(JOB_BATCH_SQL.text, JOB_BATCH_SQL.values({ ...WORKFLOW_VALUES, ...params }));
    }
  });
  const seeded = await count();
  log(
    `ballast: ${seeded.jobs.toLocaleString()} jobs, ${seeded.events.toLocaleString()} events in ${((performance.now() - started) / 1000).toFixed(0)} s`,
  );
  return seeded;
}

/**
 * This run's workspaces, fresh: earlier runs' (`bench-…`) are dropped (cascade), the ballast stays,
 * the statistics are brought up to date, and `workspaceIds` are created with `sealedSecret`.
 */
export async function resetBenchWorkspaces(
  pool: pg.Pool,
  workspaceIds: string[],
  sealedSecret: string,
  log: (line: string) => void,
): Promise<void> {
  await pool.query(`DELETE FROM "Workspace" WHERE id LIKE 'bench-%'`);
  await pool.query(`DELETE FROM "User" WHERE id LIKE 'bench_user_%'`);
  const ballast = await ensureBallast(pool, log);
  log(`ballast workspace: ${ballast.jobs.toLocaleString()} jobs, ${ballast.events.toLocaleString()} events`);
  await pool.query(`VACUUM ANALYZE`);
  await pool.query(
    `INSERT INTO "Workspace" (id, name, "inboundSecretEnc", "updatedAt") SELECT id, id, $2, now() FROM unnest($1::text[]) AS id`,
    [workspaceIds, sealedSecret],
  );
}
