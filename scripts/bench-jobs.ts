// npm run bench:jobs — the Jobs page and the overview (#14) at scale, and the CSV export through the
// production portal. On a fresh clone it takes about 3 minutes on a quiet 2-core machine (seeding
// ~2, `next build` ~0.5, the queries ~1, the exports ~0.5) and 15 under a load of 10 (seeding ~7,
// `next build` ~3); a run that reuses the seed and the build, 1–3 minutes.
//
// Data (scripts/lib/jobs-seed.ts), in the bench's own embedded PostgreSQL (.data/bench-jobs-postgres):
// one workspace with 1,000,000 jobs and 5,000,000 events over 88 days, its webhook deliveries to three
// endpoints, and ten small workspaces of 1,000 jobs and 5,000 events each; counters rebuilt by
// `npm run db:recount`'s code and checked against the jobs. Seeded once and reused by later runs
// (measured as of the seed's moment), seeded again when the seed's code changes.
//
// Prints p50/p95/max of each query over RUNS rounds (big workspace; the small ones in turn), each
// beside its target (#14: ≤ 50 ms p95), the load average and the CPU a run costs (the machine is
// shared: wall times follow everyone's load, CPU much less); then, through the production portal
// over HTTP, the overview's first-load JS (≤ 230 kB gzip) and EXPORT_ROUNDS full CSV exports:
// rows/s (≥ 50,000) and the portal's peak RSS (< 300 MB), with the heap and GC behind it, and a
// client that stops reading (backpressure).
//
// Options: --explain (EXPLAIN ANALYZE of each case's statements), --runs N (50), --export-rounds N (3),
// --no-portal (queries only), --only big|small|portal.
import os from "node:os";
import { openBenchDatabase } from "./lib/bench-database";
import type { SeedWorkspace } from "./lib/jobs-seed";

const argument = (name: string, fallback: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? process.argv[index + 1] : fallback;
};
const RUNS = Number(argument("--runs", "50"));
const EXPORT_ROUNDS = Number(argument("--export-rounds", "3"));
const ONLY = argument("--only", "");
const explain = process.argv.includes("--explain");
const withPortal = !process.argv.includes("--no-portal") && (ONLY === "" || ONLY === "portal");
const log = (line: string) => process.stderr.write(`  ${line}\n`);

const BIG = "bench";
const ALL_EVENTS = ["job.created", "job.processing", "job.completed", "job.failed"];
const SMALL = Array.from({ length: 10 }, (_, n) => `small-${String(n + 1).padStart(2, "0")}`);
const WORKSPACES: SeedWorkspace[] = [
  {
    id: BIG,
    prefix: "bench",
    jobs: 1_000_000,
    events: 5_000_000,
    endpoints: [
      // Every event, for the last week; completions and failures for longer; one disabled long ago.
      { id: "bench-all", url: "https://hooks.example.com/jobs", eventTypes: ALL_EVENTS, createdDaysAgo: 7 },
      {
        id: "bench-done",
        url: "https://ops.example.com/done",
        eventTypes: ["job.completed", "job.failed"],
        createdDaysAgo: 100,
      },
      {
        id: "bench-old",
        url: "https://legacy.example.com/hook",
        eventTypes: ["job.failed"],
        createdDaysAgo: 100,
        disabledDaysAgo: 60,
      },
    ],
  },
  ...SMALL.map((id, n) => ({
    id,
    prefix: `s${String(n + 1).padStart(2, "0")}-`,
    jobs: 1_000,
    events: 5_000,
    endpoints: [
      { id: `${id}-all`, url: "https://hooks.example.com/small", eventTypes: ALL_EVENTS, createdDaysAgo: 100 },
    ],
  })),
];

const startedAt = Date.now();
const database = await openBenchDatabase("bench-jobs-postgres", "jobs_bench", { log });
try {
  const { getPool } = await import("@/lib/db/pool");
  const { ensureSeeded, BENCH_EMAIL, BENCH_PASSWORD } = await import("./lib/jobs-seed");
  const { captureStatements, measureAll, printResults } = await import("./lib/bench-timing");
  const { expectationCases, jobsPageCases, moreJobsCases, overviewCases } = await import("./lib/jobs-bench-cases");
  const pool = getPool();
  const seeded = await ensureSeeded(pool, WORKSPACES);
  const t0 = seeded.t0;
  const { rows } = seeded;
  console.log(
    `\nbench:jobs — ${rows.jobs.toLocaleString()} jobs, ${rows.events.toLocaleString()} events, ${rows.deliveries.toLocaleString()} deliveries ` +
      `(1 workspace of 1,000,000 jobs and 5,000,000 events, 10 of 1,000 and 5,000), as of ${t0.toISOString()}; ` +
      `${os.cpus().length} cores, load ${os
        .loadavg()
        .map((value) => value.toFixed(1))
        .join(" ")}`,
  );
  console.log(
    seeded.reused
      ? `  seed reused (it took ${seeded.seededSeconds.toFixed(0)} s, db:recount ${(seeded.recountMs / 1000).toFixed(1)} s of it)`
      : `  seeded in ${seeded.seconds.toFixed(0)} s (db:recount of every workspace ${(seeded.recountMs / 1000).toFixed(1)} s of it)`,
  );
  if (explain) captureStatements(pool);
  const { postmasterPid } = await import("./lib/process-cpu");
  const plans = { explain: explain ? pool : undefined, postmaster: postmasterPid(database.dataDir) };

  if (ONLY === "" || ONLY === "big") {
    const big = () => BIG;
    const results = [
      ...(await measureAll(
        [...jobsPageCases(big, t0), ...overviewCases(big, t0), ...(await moreJobsCases(pool, BIG, t0))],
        RUNS,
        plans,
      )),
      ...(await measureAll(expectationCases(big, t0), RUNS, plans)),
    ];
    printResults(`1,000,000 jobs and 5,000,000 events in one workspace — ${RUNS} runs each`, results);
  }
  if (ONLY === "" || ONLY === "small") {
    const small = (round: number) => SMALL[round % SMALL.length];
    const results = [
      ...(await measureAll([...jobsPageCases(small, t0), ...overviewCases(small, t0)], RUNS, plans)),
      ...(await measureAll(expectationCases(small, t0), RUNS, plans)),
    ];
    printResults(`the 10 small workspaces (1,000 jobs each), in turn — ${RUNS} runs each`, results);
  }

  if (withPortal) {
    // The portal process opens its own connections: this process's are closed first.
    const { disconnectPrisma } = await import("@/lib/db/client");
    await disconnectPrisma();
    const { benchThroughPortal } = await import("./lib/csv-export-bench");
    const { printPortalFigures } = await import("./lib/export-report");
    const figures = await benchThroughPortal({
      databaseUrl: database.url,
      dataDir: database.dataDir,
      workspaceId: BIG,
      email: BENCH_EMAIL,
      password: BENCH_PASSWORD,
      rounds: EXPORT_ROUNDS,
      log,
    });
    printPortalFigures(figures);
  }
  console.log(`\n  bench:jobs took ${((Date.now() - startedAt) / 60_000).toFixed(1)} min`);
} finally {
  await database.close();
}
