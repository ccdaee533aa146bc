import os from "node:os";
import type pg from "pg";
import { cpuClock } from "./cpu-time";

// Timing of bench:jobs' queries: each case run WARMUP times, then RUNS rounds that interleave the
// cases (a burst of load elsewhere on the shared machine hits them all alike), p50/p95/max of the
// rounds and the mean CPU a run costs (cpu-time.ts); with --explain, each case's SELECTs run again
// under EXPLAIN ANALYZE.

export interface BenchCase {
  name: string;
  run: (round: number) => Promise<unknown>;
  /** p95 at or under this is on target (ms); printed beside the figure. */
  targetMs?: number;
}

export interface CaseResult {
  name: string;
  p50: number;
  p95: number;
  max: number;
  targetMs?: number;
  /** The 1-minute load average while the case's rounds ran (the highest seen). */
  load: number;
  /** Per run, on average: CPU of this process and PostgreSQL's backends, and the backends' wait for a CPU. */
  cpuMs: number;
  waitMs: number;
}

export interface MeasureOptions {
  /** Print each case's plans (EXPLAIN ANALYZE) after timing it. */
  explain?: pg.Pool;
  /** The postmaster, whose backends' CPU time is counted. */
  postmaster: number;
}

const WARMUP = 10;

/** Every statement the pool's clients send is offered to `captured` while it is set (for EXPLAIN). */
let captured: Array<{ text: string; values?: unknown[] }> | null = null;
export function captureStatements(pool: pg.Pool): void {
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
}

export async function measureAll(cases: BenchCase[], runs: number, options: MeasureOptions): Promise<CaseResult[]> {
  for (let i = 0; i < WARMUP; i += 1) for (const { run } of cases) await run(i);
  const clock = cpuClock(options.postmaster);
  const times = cases.map((): number[] => []);
  const cpu = cases.map(() => ({ cpuMs: 0, waitMs: 0 }));
  let load = 0;
  for (let round = 0; round < runs; round += 1) {
    load = Math.max(load, os.loadavg()[0]);
    for (const [index, { run }] of cases.entries()) {
      const before = clock.read();
      const started = performance.now();
      await run(round);
      times[index].push(performance.now() - started);
      const after = clock.read();
      cpu[index].cpuMs += after.cpuMs - before.cpuMs;
      cpu[index].waitMs += after.waitMs - before.waitMs;
    }
  }
  if (options.explain) for (const { name, run } of cases) await printPlans(options.explain, name, run);
  return cases.map(({ name, targetMs }, index) => {
    const sorted = times[index].sort((a, b) => a - b);
    const at = (q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];
    return {
      name,
      p50: at(0.5),
      p95: at(0.95),
      max: sorted[sorted.length - 1],
      targetMs,
      load,
      cpuMs: cpu[index].cpuMs / runs,
      waitMs: cpu[index].waitMs / runs,
    };
  });
}

async function printPlans(pool: pg.Pool, name: string, run: (round: number) => Promise<unknown>): Promise<void> {
  captured = [];
  await run(0);
  const statements = captured.filter((statement) => /^\s*(WITH|SELECT)/i.test(statement.text));
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

const ms = (value: number) => `${value.toFixed(1).padStart(7)} ms`;

/**
 * The table of one group of cases: p50, p95, max, the target and whether p95 meets it, the load;
 * then the CPU a run used (this process and PostgreSQL) and how long PostgreSQL waited for a CPU —
 * on a shared machine, what the query costs apart from everyone else's load.
 */
export function printResults(title: string, results: CaseResult[]): void {
  console.log(`\n${title}`);
  console.log(
    `  ${"query".padEnd(40)} ${"p50".padStart(10)} ${"p95".padStart(10)} ${"max".padStart(10)}   target (p95)   load    CPU/run  CPU wait`,
  );
  for (const r of results) {
    const verdict = r.targetMs === undefined ? "" : `≤ ${r.targetMs} ms ${r.p95 <= r.targetMs ? "ok  " : "MISS"}`;
    console.log(
      `  ${r.name.padEnd(40)} ${ms(r.p50)} ${ms(r.p95)} ${ms(r.max)}   ${verdict.padEnd(12)}   ${r.load.toFixed(1).padStart(4)} ${ms(r.cpuMs)} ${ms(r.waitMs)}`,
    );
  }
}
