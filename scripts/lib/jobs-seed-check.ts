import type pg from "pg";

/**
 * The counters (JobCounter, JobDayCounter) against the jobs themselves: per workspace, product and
 * state, the same number of jobs, or the bench stops — exact counts measured on wrong counters
 * would prove nothing.
 */
export async function checkCounters(pool: pg.Pool): Promise<void> {
  const started = performance.now();
  const { rows } = await pool.query<{
    workspaceId: string;
    apiProduct: string;
    state: string;
    jobs: string;
    hours: string;
    days: string;
  }>(`
    WITH jobs AS (
      SELECT "workspaceId", "apiProduct", state, count(*) AS n FROM "Job" GROUP BY 1, 2, 3
    ), hours AS (
      SELECT "workspaceId", "apiProduct", state, sum(jobs) AS n FROM "JobCounter" GROUP BY 1, 2, 3
    ), days AS (
      SELECT "workspaceId", "apiProduct", state, sum(jobs) AS n FROM "JobDayCounter" GROUP BY 1, 2, 3
    )
    SELECT "workspaceId", "apiProduct"::text, state::text, coalesce(j.n, 0) AS jobs, coalesce(h.n, 0) AS hours,
           coalesce(d.n, 0) AS days
      FROM jobs AS j FULL JOIN hours AS h USING ("workspaceId", "apiProduct", state)
      FULL JOIN days AS d USING ("workspaceId", "apiProduct", state)`);
  const wrong = rows.filter((row) => Number(row.jobs) !== Number(row.hours) || Number(row.jobs) !== Number(row.days));
  if (wrong.length > 0) {
    const first = wrong[0];
    throw new Error(
      `counters disagree with the jobs in ${wrong.length} places, e.g. ${first.workspaceId} ${first.apiProduct} ${first.state}: ` +
        `${first.jobs} jobs, ${first.hours} by the hour, ${first.days} by the day (npm run db:recount repairs them)`,
    );
  }
  const workspaces = new Set(rows.map((row) => row.workspaceId)).size;
  process.stderr.write(
    `  counters match the jobs in ${workspaces} workspaces (${rows.length} product × state cells, checked in ${Math.round(performance.now() - started)} ms)\n`,
  );
}
