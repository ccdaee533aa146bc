// npm run bench:rate-limit — what one rate-limit check costs a request: the limiter's PostgreSQL
// round trip (lib/rate-limit), beside a bare `SELECT 1` on the same pool for scale. Prints
// p50/p99 per operation, sequential and with 16 requests at a time.
import { performance } from "node:perf_hooks";
import { openBenchDatabase } from "./lib/bench-database";

const RUNS = 2_000;
const CONCURRENCY = 16;

const database = await openBenchDatabase("bench-rate-limit-postgres", "jobs_portal_bench");
const { getPool } = await import("@/lib/db/pool");
const { createRateLimit } = await import("@/lib/rate-limit/create-rate-limit");
const pool = getPool();

const quantile = (sorted: number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))];

async function measure(name: string, operation: (i: number) => Promise<unknown>, concurrency = 1): Promise<void> {
  for (let i = 0; i < 200; i++) await operation(-i - 1); // warm-up: connections, prepared statements
  const times: number[] = [];
  const started = performance.now();
  let next = 0;
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < RUNS) {
        const i = next++;
        const start = performance.now();
        await operation(i);
        times.push(performance.now() - start);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  times.sort((a, b) => a - b);
  console.log(
    `${name.padEnd(44)} ${concurrency === 1 ? "sequential" : `${concurrency} at a time`.padEnd(10)}  p50 ${quantile(times, 0.5).toFixed(3)} ms  p99 ${quantile(times, 0.99).toFixed(3)} ms  ${Math.round(RUNS / seconds)}/s`,
  );
}

const perKey = createRateLimit({ name: "bench-key", points: 1_000_000, windowSeconds: 3600 });
const perClient = createRateLimit({ name: "bench-client", points: 1_000_000, windowSeconds: 3600 });
for (const concurrency of [1, CONCURRENCY]) {
  await measure("SELECT 1 (a bare round trip, for scale)", () => pool.query("SELECT 1"), concurrency);
  await measure("consume, one hot key (/v1 per API key)", () => perKey.consume("hot"), concurrency);
  await measure(
    "consume, a key per request (per address)",
    (i) => perClient.consume(`203.0.113.${i % 250}-${i}`),
    concurrency,
  );
  await measure("peek (failed-key check before a lookup)", (i) => perClient.peek(`203.0.113.${i % 250}`), concurrency);
}
await pool.query(`DELETE FROM "RateLimit" WHERE key LIKE 'bench-%'`);
await database.close();
