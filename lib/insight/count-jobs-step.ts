// THE COUNTERS STEP: the ingest statement (lib/ingest/apply-events-statement.ts) keeps JobCounter —
// jobs per workspace, creation hour, product and state, with their cost and media seconds — and
// JobDayCounter (the same per UTC day) in the
// statement that changes the jobs, hence in its transaction: the counters can never drift from the
// jobs, and a failure midway loses neither. A CTE for that statement to include, reading only its
// relations (a statement does not see its own writes):
//
//   currentJobs  the jobs as they were before, with "workspaceId", "apiProduct", state, "createdAt", cost, duration
//   updatedJobs  the same jobs after the update (the same columns, new values)
//   createdJobs  the jobs inserted now (the same columns)
//
// Each job occurs at most once per statement, so its change is one transition: minus its old row,
// plus its new one (its state, and its hour when an earlier event moved createdAt back, its cost
// and duration when a figure arrived). Transitions that net to nothing write nothing. The rows are
// upserted in key order, so concurrent statements lock shared counters in one order (no deadlock).
// `npm run db:recount` computes the same rows from the jobs (recount-job-counters.ts, JOB_COUNTER_ROWS):
// the two must agree on every figure, so each job's duration is rounded to the millisecond (the
// column's scale) and bounded before it is summed, in both (jobCounterTerms).
const IDENTIFIER = /^[a-z_][a-z0-9_]*$/;

/**
 * A job's media seconds count up to this (31,000 years): the payload's duration is any
 * non-negative number, and a counter that overflowed would fail the ingest statement. Sums of
 * billions of such jobs still fit the columns (DECIMAL(30, 3)).
 */
const MAX_MEDIA_SECONDS = 1_000_000_000_000;

/**
 * Every counter row has this many copies (the `shard` column), and a statement adds to the copy of
 * its connection (backend pid modulo this): concurrent ingest statements of one busy workspace all
 * change the current hour's few rows, and on one copy they would queue on its row lock and grow its
 * chain of dead versions (bench:ingest: a third of the throughput). Readers sum the copies; a
 * recount writes copy 0.
 */
export const COUNTER_SHARDS = 8;

/** One job's contribution to its counter row, as SQL over a relation aliased `j` (and a sign). */
export function jobCounterTerms(sign: "+" | "-"): string {
  return `j."workspaceId", date_trunc('hour', j."createdAt") AS hour, j."apiProduct", j.state,
         ${sign}1 AS jobs, ${sign}coalesce(j.cost, 0) AS cost, ${sign}least(coalesce(round(j.duration::numeric, 3), 0), ${MAX_MEDIA_SECONDS}) AS media`;
}

export interface CountJobsStep {
  currentJobs: string;
  updatedJobs: string;
  createdJobs: string;
  /** The prefix of the CTEs this returns: `<as>_delta`, `<as>` (hours) and `<as>_days`. */
  as: string;
}

/** ON CONFLICT … DO UPDATE adding the new figures to a counter table's row. */
const addTo = (table: string) => `DO UPDATE
     SET jobs = "${table}".jobs + EXCLUDED.jobs,
         cost = "${table}".cost + EXCLUDED.cost,
         "mediaSeconds" = "${table}"."mediaSeconds" + EXCLUDED."mediaSeconds"`;

export function countJobsStep({ currentJobs, updatedJobs, createdJobs, as }: CountJobsStep): string {
  for (const name of [currentJobs, updatedJobs, createdJobs, as])
    if (!IDENTIFIER.test(name)) throw new Error(`countJobsStep: bad identifier ${name}`);
  // The hours' rows, then the days' (JobDayCounter: the same figures per UTC day, so that a
  // 90-day overview or the all-time counts read a row per day, not per hour): every statement
  // locks its hour rows before its day rows, each in key order.
  return `${as}_delta AS (
  SELECT d."workspaceId", d.hour, d."apiProduct", d.state, sum(d.jobs) AS jobs, sum(d.cost) AS cost, sum(d.media) AS media
    FROM (
      SELECT ${jobCounterTerms("-")} FROM ${currentJobs} AS j WHERE j.id IN (SELECT id FROM ${updatedJobs})
      UNION ALL
      SELECT ${jobCounterTerms("+")} FROM ${updatedJobs} AS j
      UNION ALL
      SELECT ${jobCounterTerms("+")} FROM ${createdJobs} AS j
    ) AS d
   GROUP BY 1, 2, 3, 4
  HAVING sum(d.jobs) <> 0 OR sum(d.cost) <> 0 OR sum(d.media) <> 0
),
${as} AS (
  INSERT INTO "JobCounter" ("workspaceId", hour, "apiProduct", state, jobs, cost, "mediaSeconds", shard)
  SELECT "workspaceId", hour, "apiProduct", state, jobs, cost, media, pg_backend_pid() % ${COUNTER_SHARDS} FROM ${as}_delta
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspaceId", hour, "apiProduct", state, shard) ${addTo("JobCounter")}
  RETURNING 1
),
${as}_days AS (
  INSERT INTO "JobDayCounter" ("workspaceId", day, "apiProduct", state, jobs, cost, "mediaSeconds", shard)
  SELECT "workspaceId", date_trunc('day', hour), "apiProduct", state, sum(jobs), sum(cost), sum(media),
         pg_backend_pid() % ${COUNTER_SHARDS}
    FROM ${as}_delta
   GROUP BY 1, 2, 3, 4
  HAVING sum(jobs) <> 0 OR sum(cost) <> 0 OR sum(media) <> 0
   ORDER BY 1, 2, 3, 4
  ON CONFLICT ("workspaceId", day, "apiProduct", state, shard) ${addTo("JobDayCounter")}
  RETURNING 1
)`;
}
