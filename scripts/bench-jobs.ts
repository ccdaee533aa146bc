// npm run bench:jobs — the Jobs page's queries against 1,000,000 jobs in one workspace.
// Seeds once into .data/bench-jobs-postgres (reused while the row count is there), then prints
// p50/p95 of each lib/jobs function over RUNS runs, and with --explain the plan of each query.
import type pg from "pg";
import { namedSql } from "@/lib/db/named-sql";
import { API_PRODUCTS, WORKFLOWS } from "@/lib/workflow/workflows";
import { openBenchDatabase } from "./lib/bench-database";

const JOBS = 1_000_000;
const BATCH = 50_000;
const RUNS = 50;
const WORKSPACE = "bench";
const explain = process.argv.includes("--explain");

const database = await openBenchDatabase("bench-jobs-postgres", "jobs_bench");
const { getPool } = await import("@/lib/db/pool");
const { listJobs } = await import("@/lib/jobs/list-jobs");
const { countJobsByState } = await import("@/lib/jobs/count-jobs-by-state");
const { getJobDetail } = await import("@/lib/jobs/get-job-detail");
const { listJobsQuerySchema } = await import("@/lib/jobs/schemas");
const pool = getPool();

// What the SQL needs of each workflow, from lib/workflow's table: the completed status, the first
// status of work (where the running and the failed jobs are), and whether it yields subtitles
// (those jobs have a word count).
const WORKFLOW_VALUES = {
  products: [...API_PRODUCTS],
  completedStatuses: API_PRODUCTS.map((product) => WORKFLOWS[product].completed),
  workingStatuses: API_PRODUCTS.map((product) => WORKFLOWS[product].steps[1]),
  subtitleOutputs: API_PRODUCTS.map((product) => WORKFLOWS[product].output.kind === "srt"),
};
const WORKFLOW_CTE = `workflow AS (
  SELECT * FROM unnest(:products::text[], :completedStatuses::text[], :workingStatuses::text[], :subtitleOutputs::boolean[])
    AS w(product, completed, working, subtitles)
)`;

// A realistic mix: 40% transcribe, 25% translate, 15% voiceover, 20% dub; one job every ~30 s
// over a year, timestamps truncated to the second (so ties exist); the newest few hundred still
// running, the rest 88% completed, 8% failed, 4% rejected. Failed and rejected jobs get events.
const SEED_SQL = namedSql<typeof WORKFLOW_VALUES & { from: number; to: number; workspaceId: string }>(`
WITH n AS (SELECT g AS i, hashtextextended(g::text, 7) AS h FROM generate_series(:from::int, :to::int) g),
r AS (
  SELECT i, h,
    CASE WHEN abs(h % 100) < 40 THEN 'transcribe' WHEN abs(h % 100) < 65 THEN 'translate'
         WHEN abs(h % 100) < 80 THEN 'voiceover' ELSE 'dub' END::"ApiProduct" AS product,
    CASE WHEN i <= 300 AND abs((h >> 8) % 2) = 0 THEN 'in_progress'
         WHEN abs((h >> 8) % 100) < 88 THEN 'completed' WHEN abs((h >> 8) % 100) < 96 THEN 'failed'
         ELSE 'rejected' END::"JobState" AS state,
    date_trunc('second', now() - make_interval(secs => i * 31.5)) AS created
  FROM n
),
${WORKFLOW_CTE}
INSERT INTO "Job" (id, "workspaceId", "upstreamJobId", "apiProduct", status, state, duration, cost, "wordCount",
                   "failureReason", "createdAt", "updatedAt", "completedAt")
SELECT 'bench' || lpad(i::text, 8, '0'), :workspaceId, 'job_' || substr(md5(i::text), 1, 24), r.product,
  (CASE state WHEN 'completed' THEN w.completed WHEN 'in_progress' THEN w.working ELSE state::text END)::"JobStatus",
  state, 10 + abs(h % 3600), round((10 + abs(h % 3600)) * 0.02, 4),
  CASE WHEN state = 'completed' AND w.subtitles THEN abs(h % 9000) END,
  CASE state WHEN 'failed' THEN 'Processing error' WHEN 'rejected' THEN 'Insufficient balance' END,
  created, created + interval '3 minutes', CASE WHEN state = 'completed' THEN created + interval '3 minutes' END
FROM r JOIN workflow AS w ON w.product = r.product::text`);

const EVENTS_SQL = namedSql<typeof WORKFLOW_VALUES & { workspaceId: string }>(`
WITH ${WORKFLOW_CTE}
INSERT INTO "JobEvent" (id, "workspaceId", "jobId", "webhookId", event, status, "occurredAt", disposition, payload)
SELECT j.id || '-' || e.k, j."workspaceId", j.id, 'msg_' || j.id || '_' || e.k, e.event, e.status, j."createdAt" + e.offs, 'applied', '{}'
FROM "Job" j JOIN workflow AS w ON w.product = j."apiProduct"::text CROSS JOIN LATERAL (VALUES
  (0, 'job.created', 'created', interval '0'),
  (1, 'job.processing', w.working, interval '5 seconds'),
  (2, 'job.failed', j.status::text, interval '1 minute')) AS e(k, event, status, offs)
WHERE j."workspaceId" = :workspaceId AND j.state IN ('failed', 'rejected') AND (j.state = 'failed' OR e.k <> 1)`);

function progress(done: number, total: number): void {
  const width = 40;
  const filled = Math.round((done / total) * width);
  process.stderr.write(
    `\r  seeding [${"#".repeat(filled)}${" ".repeat(width - filled)}] ${done.toLocaleString()} / ${total.toLocaleString()}`,
  );
}

async function seed(): Promise<void> {
  const { rows } = await pool.query<{ count: string }>(`SELECT count(*) FROM "Job" WHERE "workspaceId" = $1`, [
    WORKSPACE,
  ]);
  if (Number(rows[0].count) === JOBS)
    return void process.stderr.write(`  reusing ${JOBS.toLocaleString()} seeded jobs\n`);
  await pool.query(`DELETE FROM "Workspace" WHERE id = $1`, [WORKSPACE]);
  await pool.query(
    `INSERT INTO "Workspace" (id, name, "inboundSecretEnc", "updatedAt") VALUES ($1, 'Bench', 'unused', now())`,
    [WORKSPACE],
  );
  for (let from = 1; from <= JOBS; from += BATCH) {
    await pool.query(
      SEED_SQL.text,
      SEED_SQL.values({ ...WORKFLOW_VALUES, from, to: Math.min(JOBS, from + BATCH - 1), workspaceId: WORKSPACE }),
    );
    progress(Math.min(JOBS, from + BATCH - 1), JOBS);
  }
  process.stderr.write("\n  seeding events of failed and rejected jobs\n");
  await pool.query(EVENTS_SQL.text, EVENTS_SQL.values({ ...WORKFLOW_VALUES, workspaceId: WORKSPACE }));
  process.stderr.write("  VACUUM ANALYZE\n");
  await pool.query(`VACUUM ANALYZE "Job"`);
  await pool.query(`VACUUM ANALYZE "JobEvent"`);
}

// With --explain, every statement the functions send is captured and run again under EXPLAIN.
let captured: Array<{ text: string; values?: unknown[] }> | null = null;
pool.on("connect", (client: pg.PoolClient) => {
  const original = client.query.bind(client) as (...args: unknown[]) => unknown;
  (client as unknown as { query: (...args: unknown[]) => unknown }).query = (...args: unknown[]) => {
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown[] | undefined];
    if (captured)
      captured.push(
        typeof config === "string" ? { text: config, values } : { text: config.text, values: config.values },
      );
    return original(...args);
  };
});

// Rounds interleave the cases, so a burst of load elsewhere on the machine hits all of them alike.
async function measureAll(cases: Array<[string, () => Promise<unknown>]>) {
  for (let i = 0; i < 10; i += 1) for (const [, run] of cases) await run(); // warm caches and Prisma
  const times = cases.map((): number[] => []);
  for (let round = 0; round < RUNS; round += 1) {
    for (const [index, [, run]] of cases.entries()) {
      const started = performance.now();
      await run();
      times[index].push(performance.now() - started);
    }
  }
  if (explain) for (const [name, run] of cases) await printPlans(name, run);
  return cases.map(([name], index) => {
    const sorted = times[index].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return { name, p50: at(0.5), p95: at(0.95), max: sorted[sorted.length - 1] };
  });
}

async function printPlans(name: string, run: () => Promise<unknown>): Promise<void> {
  captured = [];
  await run();
  const statements = captured.filter((s) => /^\s*SELECT/i.test(s.text));
  captured = null;
  console.log(`\n### ${name}`);
  for (const statement of statements) {
    const { rows } = await pool.query({
      text: `EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${statement.text}`,
      values: statement.values,
    });
    console.log(rows.map((row: Record<string, string>) => `    ${row["QUERY PLAN"]}`).join("\n"));
  }
}

await seed();
const query = (input: Record<string, string>) => listJobsQuerySchema.parse(input);
const deep = await listJobs(WORKSPACE, query({ limit: "1" }));
const { rows: middle } = await pool.query<{ id: string; createdAt: Date }>(
  `SELECT id, "createdAt" FROM "Job" WHERE "workspaceId" = $1 ORDER BY "createdAt" DESC, id DESC OFFSET 500000 LIMIT 1`,
  [WORKSPACE],
);
const { encodeCursor } = await import("@/lib/jobs/cursor");
const deepCursor = encodeCursor(middle[0]);
const someId = deep.jobs[0].id;
const { rows: failedRow } = await pool.query<{ upstreamJobId: string }>(
  `SELECT "upstreamJobId" FROM "Job" WHERE "workspaceId" = $1 AND state = 'failed' LIMIT 1`,
  [WORKSPACE],
);

const cases: Array<[string, () => Promise<unknown>]> = [
  ["first page (newest, 25)", () => listJobs(WORKSPACE, query({}))],
  ["first page (100 rows)", () => listJobs(WORKSPACE, query({ limit: "100" }))],
  ["page at row 500,000 (after)", () => listJobs(WORKSPACE, query({ after: deepCursor }))],
  ["page at row 500,000 (before)", () => listJobs(WORKSPACE, query({ before: deepCursor }))],
  ["oldest first", () => listJobs(WORKSPACE, query({ sort: "oldest" }))],
  ["apiProduct = dub", () => listJobs(WORKSPACE, query({ apiProduct: "dub" }))],
  ["state = failed", () => listJobs(WORKSPACE, query({ state: "failed" }))],
  ["state = in_progress", () => listJobs(WORKSPACE, query({ state: "in_progress" }))],
  ["status = rejected", () => listJobs(WORKSPACE, query({ status: "rejected" }))],
  ["translate + failed", () => listJobs(WORKSPACE, query({ apiProduct: "translate", state: "failed" }))],
  ["failed, page at row 500,000", () => listJobs(WORKSPACE, query({ state: "failed", after: deepCursor }))],
  ["search: exact id", () => listJobs(WORKSPACE, query({ q: someId }))],
  ["search: prefix (6 chars)", () => listJobs(WORKSPACE, query({ q: someId.slice(0, 10) }))],
  ["search: prefix 'job_'", () => listJobs(WORKSPACE, query({ q: "job_" }))],
  ["counts by state", () => countJobsByState(WORKSPACE)],
  ["job detail (failed job)", () => getJobDetail(WORKSPACE, failedRow[0].upstreamJobId)],
];

const results = await measureAll(cases);
const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;
console.log(`\n${JOBS.toLocaleString()} jobs in one workspace, ${RUNS} runs each\n`);
console.log(`  ${"query".padEnd(32)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"max".padStart(10)}`);
for (const r of results)
  console.log(`  ${r.name.padEnd(32)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}${r.p95 > 30 ? "  over 30 ms" : ""}`);

await database.close();
