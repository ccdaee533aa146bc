// npm run bench:ingest — inbound webhook ingest throughput and latency, against two references.
// On the embedded PostgreSQL (.data/bench-postgres) and the production build (`next build` when
// .next/BUILD_ID is missing or lacks the webhook route), over CONNECTIONS keep-alive connections,
// for PHASE_SECONDS each after a warm-up:
//   floor      the portal turning the same requests, unsigned, away with 401 (Next.js's own cost)
//   portal     the portal accepting signed events: POST /api/webhooks/{workspaceId}
//   reference  a minimal node:http + pg receiver doing the same checks and writes (lib/ingest's
//              pure parts, its one SQL statement and its group commit), i.e. the same work
//              without Next.js
//   fairness   one workspace flooding the portal over CONNECTIONS connections while another sends
//              10 events/s: the quiet workspace's p50/p99 (the bounded, round-robin group-commit
//              queue keeps it near the front; the flood gets 503 beyond its share of the queue)
// then prints events/s, p50 and p99 and the ratios, and checks the database: every accepted event
// stored exactly once, every job at the furthest status it was sent, nothing from the floor.
// Options: --seconds N (default 10), --connections N (default 32), --rounds N (default 1: the three
// phases are repeated, alternating, and summed — fairer ratios on a machine whose load varies,
// e.g. --seconds 4 --rounds 6), --build (force a build).
import { fork, type ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { rmSync } from "node:fs";
import http from "node:http";
import os from "node:os";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { applyRuntimeEnv } from "@/lib/env";
import { WORKFLOWS, statusRank, type ApiProduct, type JobStatus } from "@/lib/workflow/workflows";
import { sampleOutput, samplePayload } from "@/lib/ingest/testing/sample-events";
import { signStandardWebhook } from "@/lib/ingest/testing/sign-standard-webhook";
import { freePort } from "@/lib/net/free-port";
import { buildIfNeeded, startPortal, stopChild, waitForHealth } from "./lib/portal-process";

const SELF = fileURLToPath(import.meta.url);
const ROOT = path.resolve(path.dirname(SELF), "..");
const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const PHASE_SECONDS = argument("--seconds", 10);
// JIT and connection warm-up before the first round's phases; later rounds only settle for 1 s.
const WARMUP_SECONDS = 3;
const SETTLE_SECONDS = 1;
const CONNECTIONS = argument("--connections", 32);
const ROUNDS = argument("--rounds", 1);
const PRODUCTS: ApiProduct[] = ["transcribe", "translate", "voiceover", "dub"];
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

// ---------------------------------------------------------------------------------------------
// Load generation.
// ---------------------------------------------------------------------------------------------
interface Target {
  name: "floor" | "portal" | "reference" | "flood" | "quiet";
  baseUrl: string;
  workspaceId: string;
  secret: string | null; // null: unsigned (the floor)
}

interface SentEvent {
  webhookId: string;
  jobId: string;
  status: JobStatus;
  product: ApiProduct;
}

interface PhaseResult {
  target: Target;
  measuredSeconds: number;
  /** Responses within the measured window, by HTTP status. */
  statuses: Map<number, number>;
  latenciesMs: number[];
  /** Every 2xx answer, warm-up included, for the database check. */
  accepted: SentEvent[];
  failed: number;
}

/** One connection's traffic: jobs of the four workflows in turn, each job's events in order. */
function* eventsFor(prefix: string): Generator<{ product: ApiProduct; status: JobStatus; jobId: string; payload: unknown }> {
  for (let n = 0; ; n += 1) {
    const product = PRODUCTS[n % PRODUCTS.length];
    const jobId = `${prefix}_${n}`;
    const steps = WORKFLOWS[product].steps;
    for (const status of steps) {
      const completed = status === steps[steps.length - 1];
      const outputs =
        product === "translate"
          ? [sampleOutput(`${jobId}/part_0.srt`, 8234, 0), sampleOutput(`${jobId}/part_1.srt`, 7891, 1)]
          : [sampleOutput(`${jobId}/out.${product === "transcribe" ? "srt" : "mp4"}`, 45_678_901)];
      const extra = completed ? { duration: 125.5, cost: 2.51, outputs } : status === "transcribed" ? { wordCount: 1200 } : {};
      yield { product, status, jobId, payload: samplePayload(product, status, jobId, Date.now(), extra) };
    }
  }
}

function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(url, { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } }, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
      response.on("error", reject);
    });
    request.on("error", reject);
    request.end(body);
  });
}

async function runPhase(target: Target, runId: string, into?: PhaseResult): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: CONNECTIONS });
  const url = new URL(`/api/webhooks/${target.workspaceId}`, target.baseUrl);
  const result: PhaseResult = into ?? { target, measuredSeconds: 0, statuses: new Map(), latenciesMs: [], accepted: [], failed: 0 };
  result.measuredSeconds += PHASE_SECONDS;
  const start = performance.now();
  const measureFrom = start + (into ? SETTLE_SECONDS : WARMUP_SECONDS) * 1000;
  const stopAt = measureFrom + PHASE_SECONDS * 1000;
  let sequence = 0;

  async function connection(index: number): Promise<void> {
    const events = eventsFor(`${target.name}_${runId}_r${result.measuredSeconds}_c${index}`);
    while (performance.now() < stopAt) {
      const { value: event } = events.next() as { value: { product: ApiProduct; status: JobStatus; jobId: string; payload: unknown } };
      const body = JSON.stringify(event.payload);
      const webhookId = `msg_${runId}_${target.name}_${result.measuredSeconds}_${(sequence += 1)}`;
      const timestamp = String(Math.floor(Date.now() / 1000));
      const headers: Record<string, string> = { "content-type": "application/json", "webhook-id": webhookId, "webhook-timestamp": timestamp };
      if (target.secret) headers["webhook-signature"] = signStandardWebhook(target.secret, webhookId, timestamp, body);
      const sentAt = performance.now();
      let status = 0;
      try {
        status = await post(agent, url, headers, body);
      } catch {
        result.failed += 1;
      }
      const doneAt = performance.now();
      if (status >= 200 && status < 300) result.accepted.push({ webhookId, jobId: event.jobId, status: event.status, product: event.product });
      if (sentAt >= measureFrom && doneAt <= stopAt) {
        result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
        result.latenciesMs.push(doneAt - sentAt);
      }
    }
  }

  await Promise.all(Array.from({ length: CONNECTIONS }, (_, index) => connection(index)));
  agent.destroy();
  return result;
}

/** One sender at `perSecond` events a second, each sent on time whatever the answers take (open loop). */
async function runPaced(target: Target, runId: string, perSecond: number): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true });
  const url = new URL(`/api/webhooks/${target.workspaceId}`, target.baseUrl);
  const result: PhaseResult = { target, measuredSeconds: PHASE_SECONDS, statuses: new Map(), latenciesMs: [], accepted: [], failed: 0 };
  const start = performance.now();
  const measureFrom = start + WARMUP_SECONDS * 1000;
  const stopAt = measureFrom + PHASE_SECONDS * 1000;
  const events = eventsFor(`${target.name}_${runId}`);
  const sends: Array<Promise<void>> = [];
  for (let n = 0; ; n += 1) {
    const due = start + (n * 1000) / perSecond;
    if (due >= stopAt) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - performance.now())));
    const { value: event } = events.next() as { value: { product: ApiProduct; status: JobStatus; jobId: string; payload: unknown } };
    const body = JSON.stringify(event.payload);
    const webhookId = `msg_${runId}_${target.name}_${n}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const headers: Record<string, string> = { "content-type": "application/json", "webhook-id": webhookId, "webhook-timestamp": timestamp };
    if (target.secret) headers["webhook-signature"] = signStandardWebhook(target.secret, webhookId, timestamp, body);
    const sentAt = performance.now();
    sends.push(
      post(agent, url, headers, body).then(
        (status) => {
          if (status >= 200 && status < 300) result.accepted.push({ webhookId, jobId: event.jobId, status: event.status, product: event.product });
          if (sentAt >= measureFrom) {
            result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
            result.latenciesMs.push(performance.now() - sentAt);
          }
        },
        () => void (result.failed += 1),
      ),
    );
  }
  await Promise.all(sends);
  agent.destroy();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Setup, report, checks.
// ---------------------------------------------------------------------------------------------
function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)];
}

function summarise(result: PhaseResult) {
  const expected = result.target.name === "floor" ? 401 : 200;
  const good = result.statuses.get(expected) ?? 0;
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    name: result.target.name,
    perSecond: good / result.measuredSeconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    good,
    other: [...result.statuses].filter(([status]) => status !== expected).map(([status, count]) => `${status}×${count}`).join(" ") || "none",
  };
}

async function main(): Promise<void> {
  const { startEmbeddedPostgres } = await import("@/lib/db/embedded-postgres");
  const { migrate } = await import("@/lib/db/migrate");
  const { generateEncryptionKey, seal } = await import("@/lib/crypto/secret-box");
  const { generateWebhookSecret } = await import("@/lib/crypto/webhook-secret");

  const database = await startEmbeddedPostgres({ dataDir: path.join(ROOT, ".data", "bench-postgres"), database: "jobs_portal_bench", log });
  const children: ChildProcess[] = [];
  const cleanup = async () => {
    await Promise.all(children.map((child) => stopChild(child)));
    await database.stop();
  };
  process.once("SIGINT", () => void cleanup().then(() => process.exit(130)));
  try {
    await migrate(database.url, { log });
    const encryptionKey = generateEncryptionKey();
    applyRuntimeEnv({ DATABASE_URL: database.url, APP_ENCRYPTION_KEY: encryptionKey });
    const { getPool, closePool } = await import("@/lib/db/pool");
    const pool = getPool();

    // Fresh workspaces for this run; earlier runs' are dropped (cascade) so the tables stay small.
    const runId = randomBytes(3).toString("hex");
    const secret = generateWebhookSecret();
    await pool.query(`DELETE FROM "Workspace" WHERE id LIKE 'bench-%'`);
    await pool.query(`VACUUM ANALYZE`);
    const workspaces = {
      floor: `bench-floor-${runId}`,
      portal: `bench-portal-${runId}`,
      reference: `bench-reference-${runId}`,
      flood: `bench-flood-${runId}`,
      quiet: `bench-quiet-${runId}`,
    };
    for (const id of Object.values(workspaces)) {
      await pool.query(`INSERT INTO "Workspace" (id, name, "inboundSecretEnc", "updatedAt") VALUES ($1, $1, $2, now())`, [id, seal(secret)]);
    }

    if (process.argv.includes("--build")) rmSync(path.join(ROOT, ".next", "source-fingerprint"), { force: true });
    buildIfNeeded(log);
    const portalPort = await freePort();
    const portalUrl = `http://127.0.0.1:${portalPort}`;
    // The portal as it runs in production: behind its own server (scripts/portal-server.ts).
    const portal = startPortal(
      portalPort,
      { HOST: "127.0.0.1", NEXTAUTH_URL: portalUrl, DATABASE_URL: database.url, APP_ENCRYPTION_KEY: encryptionKey },
      { stdout: "ignore" },
    );
    children.push(portal);
    await waitForHealth(portalUrl, portal);

    const reference = fork(path.join(ROOT, "scripts", "lib", "ingest-reference-server.ts"), [], {
      cwd: ROOT,
      execArgv: ["--import", "tsx"],
      stdio: ["ignore", "ignore", "inherit", "ipc"],
      env: { ...process.env, NODE_ENV: "production", DATABASE_URL: database.url, APP_ENCRYPTION_KEY: encryptionKey },
    });
    children.push(reference);
    const referencePort = await new Promise<number>((resolve, reject) => {
      reference.once("message", (message) => resolve((message as { port: number }).port));
      reference.once("exit", (code) => reject(new Error(`the reference server exited with code ${code}`)));
      reference.send({ workspaceId: workspaces.reference, secret });
    });

    const targets: Target[] = [
      { name: "floor", baseUrl: portalUrl, workspaceId: workspaces.floor, secret: null },
      { name: "portal", baseUrl: portalUrl, workspaceId: workspaces.portal, secret },
      { name: "reference", baseUrl: `http://127.0.0.1:${referencePort}`, workspaceId: workspaces.reference, secret },
    ];
    const results: PhaseResult[] = [];
    const loadBefore = os.loadavg()[0];
    for (let round = 0; round < ROUNDS; round += 1) {
      for (const [index, target] of targets.entries()) {
        log(`round ${round + 1}/${ROUNDS} ${target.name}: ${round === 0 ? WARMUP_SECONDS : SETTLE_SECONDS} s warm-up, ${PHASE_SECONDS} s measured`);
        results[index] = await runPhase(target, runId, results[index]);
      }
    }

    // Fairness: a flood beside a quiet workspace, at the same time, once.
    log(`fairness: one workspace floods over ${CONNECTIONS} connections while another sends 10 events/s (${WARMUP_SECONDS} s warm-up, ${PHASE_SECONDS} s measured)`);
    const [flood, quiet] = await Promise.all([
      runPhase({ name: "flood", baseUrl: portalUrl, workspaceId: workspaces.flood, secret }, runId),
      runPaced({ name: "quiet", baseUrl: portalUrl, workspaceId: workspaces.quiet, secret }, runId, 10),
    ]);
    results.push(flood, quiet);

    const rows = results.map(summarise);
    const [floor, portalRow, referenceRow, floodRow, quietRow] = rows;
    console.log(
      `\nInbound webhook ingest — ${CONNECTIONS} connections, ${ROUNDS} × ${PHASE_SECONDS} s per phase, loopback, ` +
        `${os.cpus().length} cores, load average ${loadBefore.toFixed(1)} before / ${os.loadavg()[0].toFixed(1)} after`,
    );
    console.log("phase       events/s    p50 ms   p99 ms   answered  other answers");
    for (const row of rows) {
      console.log(
        `${row.name.padEnd(10)} ${row.perSecond.toFixed(0).padStart(9)} ${row.p50.toFixed(1).padStart(9)} ${row.p99.toFixed(1).padStart(8)} ${String(row.good).padStart(10)}  ${row.other}`,
      );
    }
    console.log(`portal / floor      ${(portalRow.perSecond / floor.perSecond).toFixed(2)}  (target ≥ 0.6; p99 target ≤ 80 ms)`);
    console.log(`portal / reference  ${(portalRow.perSecond / referenceRow.perSecond).toFixed(2)}`);
    console.log(`reference / floor   ${(referenceRow.perSecond / floor.perSecond).toFixed(2)}`);
    console.log(
      `fairness: quiet workspace (10 events/s) p50 ${quietRow.p50.toFixed(1)} ms, p99 ${quietRow.p99.toFixed(1)} ms, ${quietRow.good} accepted, other answers ${quietRow.other}; ` +
        `beside a flood of ${floodRow.perSecond.toFixed(0)} accepted events/s (other answers ${floodRow.other})`,
    );

    // Nothing lost, nothing doubled, every job where its furthest accepted event put it.
    let problems = 0;
    for (const result of results) {
      const { rows: stored } = await pool.query<{ webhookId: string }>(`SELECT "webhookId" FROM "JobEvent" WHERE "workspaceId" = $1`, [result.target.workspaceId]);
      const storedIds = new Set(stored.map((row) => row.webhookId));
      if (result.target.name === "floor") {
        const { rows: jobs } = await pool.query(`SELECT 1 FROM "Job" WHERE "workspaceId" = $1`, [result.target.workspaceId]);
        const clean = stored.length === 0 && jobs.length === 0;
        console.log(`check floor: ${clean ? "nothing written" : `${stored.length} events and ${jobs.length} jobs written!`}`);
        if (!clean) problems += 1;
        continue;
      }
      const missing = result.accepted.filter((event) => !storedIds.has(event.webhookId)).length;
      const unanswered = stored.length - (result.accepted.length - missing);
      const furthest = new Map<string, SentEvent>();
      for (const event of result.accepted) {
        const best = furthest.get(event.jobId);
        if (!best || statusRank(event.product, event.status) > statusRank(best.product, best.status)) furthest.set(event.jobId, event);
      }
      const { rows: jobs } = await pool.query<{ upstreamJobId: string; status: string }>(
        `SELECT "upstreamJobId", status::text FROM "Job" WHERE "workspaceId" = $1`,
        [result.target.workspaceId],
      );
      const wrongStatus = jobs.filter((job) => furthest.has(job.upstreamJobId) && furthest.get(job.upstreamJobId)?.status !== job.status).length;
      const ok = missing === 0 && wrongStatus === 0 && stored.length === storedIds.size;
      console.log(
        `check ${result.target.name}: ${result.accepted.length} accepted, ${stored.length} stored (${missing} missing, ${unanswered} stored without a 2xx), ` +
          `${jobs.length} jobs, ${wrongStatus} not at their furthest status, ${result.failed} transport errors — ${ok ? "OK" : "FAILED"}`,
      );
      if (!ok) problems += 1;
    }
    await closePool();
    process.exitCode = problems === 0 ? 0 : 1;
  } finally {
    await cleanup();
  }
}

await main();
