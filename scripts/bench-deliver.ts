// npm run bench:deliver — webhook delivery throughput and ingest-to-delivery delay.
// An embedded PostgreSQL (.data/bench-deliver-postgres, fresh), a receiver on loopback, ENDPOINTS
// endpoints subscribed to every event type, and the delivery worker running in this process.
//   paced  events stored through lib/ingest's group-committed apply, at RATE deliveries/s for
//          SECONDS: deliveries/s at steady state (after a warm-up) and the delay from the event's
//          stored time (JobEvent.receivedAt) to the receiver's clock, p50/p99
//   drain  a backlog of BACKLOG events stored while no worker runs, then one worker started:
//          the most deliveries/s it reaches
// Then checks: every delivery succeeded on its first attempt, each message received once.
//   processes (with --processes N) the same drain by worker processes (`npm run worker`): 1, then
//          N of them; deliveries/s from the first delivery received to the last, so their start
//          does not count, and the scaling from 1 to N
// Options: --seconds N (10), --rate N (600), --endpoints N (4), --backlog N (1500 events), --processes N.
import { randomBytes } from "node:crypto";
import { applyRuntimeEnv, env } from "@/lib/env";
import { openBenchDatabase } from "./lib/bench-database";
import { percentile, startCountingReceiver } from "./lib/counting-receiver";

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const SECONDS = argument("--seconds", 10);
const RATE = argument("--rate", 600);
const ENDPOINTS = argument("--endpoints", 4);
const BACKLOG = argument("--backlog", 1500);
const PROCESSES = argument("--processes", 0);
const WARMUP_SECONDS = 2;
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
// Bounded in time whatever happens: a stuck run still exits (and the embedded server with it).
setTimeout(
  () => {
    log("took too long; giving up");
    process.exit(2);
  },
  (SECONDS + 150 + PROCESSES * 120) * 1000,
).unref();

const database = await openBenchDatabase("bench-deliver-postgres", "bench_deliver", { fresh: true, log });
applyRuntimeEnv({
  APP_ENCRYPTION_KEY: env.APP_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  ALLOW_PRIVATE_WEBHOOK_URLS: "1", // the receiver is on loopback
  LOG_LEVEL: "warn",
});
const { prisma } = await import("@/lib/db/client");
const { seal } = await import("@/lib/crypto/secret-box");
const { generateWebhookSecret } = await import("@/lib/crypto/webhook-secret");
const { createDeliveryWorker } = await import("@/lib/delivery/create-delivery-worker");
const { buildEventInput } = await import("@/lib/ingest/build-event-input");
const { applyEventGroupCommitted } = await import("@/lib/ingest/group-commits");
const { parseIngestPayload } = await import("@/lib/ingest/schemas");
const { samplePayload } = await import("@/lib/ingest/testing/sample-events");
const { JOB_EVENTS, WORKFLOWS } = await import("@/lib/workflow/workflows");

const receiver = await startCountingReceiver();
const workspace = await prisma.workspace.create({
  data: { name: "bench", inboundSecretEnc: seal(generateWebhookSecret()) },
  select: { id: true },
});
for (let i = 0; i < ENDPOINTS; i += 1) {
  await prisma.webhookEndpoint.create({
    data: {
      workspaceId: workspace.id,
      url: receiver.url(`/endpoint/${i}`),
      eventTypes: [...JOB_EVENTS],
      secretEnc: seal(generateWebhookSecret()),
    },
  });
}

// Dub jobs' steps up to `merging` (a job.completed would fetch links from an upstream this bench
// does not run), each job's events in order.
const STEPS = WORKFLOWS.dub.steps.slice(0, -1);
let eventNumber = 0;
function storeNextEvent(phase: string): Promise<unknown> {
  const n = eventNumber++;
  const payload = samplePayload(
    "dub",
    STEPS[n % STEPS.length],
    `job_${phase}_${Math.floor(n / STEPS.length)}`,
    Date.now(),
  );
  const input = buildEventInput(
    { workspaceId: workspace.id, webhookId: `msg_in_${n}` },
    parseIngestPayload(payload, JSON.stringify(payload)),
    payload,
  );
  return applyEventGroupCommitted(input);
}

async function storedTimes(): Promise<Map<string, number>> {
  const rows = await prisma.$queryRaw<Array<{ messageId: string; storedAt: number }>>`
    SELECT d."messageId", (extract(epoch FROM e."receivedAt") * 1000)::float8 AS "storedAt"
      FROM "WebhookDelivery" d JOIN "JobEvent" e ON e.id = d."jobEventId"`;
  return new Map(rows.map((row) => [row.messageId, row.storedAt]));
}

// --- paced ---------------------------------------------------------------------------------------
const eventsPerSecond = RATE / ENDPOINTS;
log(`paced: ${RATE} deliveries/s (${eventsPerSecond} events/s × ${ENDPOINTS} endpoints) for ${SECONDS} s`);
let worker = createDeliveryWorker();
worker.start();
const pacedStart = Date.now();
const writes: Promise<unknown>[] = [];
while (Date.now() - pacedStart < SECONDS * 1000) {
  const due = Math.floor(((Date.now() - pacedStart) / 1000) * eventsPerSecond);
  while (eventNumber < due) writes.push(storeNextEvent("paced"));
  await new Promise((resolve) => setTimeout(resolve, 5));
}
await Promise.all(writes);
const pacedDeliveries = eventNumber * ENDPOINTS;
while (receiver.count() < pacedDeliveries && Date.now() - pacedStart < (SECONDS + 30) * 1000)
  await new Promise((resolve) => setTimeout(resolve, 50));
const stored = await storedTimes();
const window = receiver.arrivals.filter(
  (a) => a.at >= pacedStart + WARMUP_SECONDS * 1000 && a.at < pacedStart + SECONDS * 1000,
);
// Delays of the events stored after the warm-up (JIT, connections, statement plans), as for the rate.
const steadyFrom = pacedStart + WARMUP_SECONDS * 1000;
const delayOf = (a: { messageId: string; at: number }) => a.at - (stored.get(a.messageId) ?? a.at);
const delays = receiver.arrivals
  .filter((a) => (stored.get(a.messageId) ?? 0) >= steadyFrom)
  .map(delayOf)
  .sort((a, b) => a - b);
const warmupMax = Math.max(
  ...receiver.arrivals.filter((a) => (stored.get(a.messageId) ?? 0) < steadyFrom).map(delayOf),
);
const pacedRate = window.length / (SECONDS - WARMUP_SECONDS);
await worker.stop();

// --- drain ---------------------------------------------------------------------------------------
log(`drain: ${BACKLOG} events × ${ENDPOINTS} endpoints stored with no worker running`);
const before = receiver.count();
await Promise.all(Array.from({ length: BACKLOG }, () => storeNextEvent("drain")));
const drainTarget = before + BACKLOG * ENDPOINTS;
worker = createDeliveryWorker();
const drainStart = Date.now();
worker.start();
while (receiver.count() < drainTarget && Date.now() - drainStart < 90_000)
  await new Promise((resolve) => setTimeout(resolve, 20));
const drainSeconds = (Date.now() - drainStart) / 1000;
await worker.stop();

// --- processes (--processes N) -----------------------------------------------------------------------
const { spawn } = await import("node:child_process");
async function drainWithProcesses(count: number): Promise<number> {
  log(`drain by ${count} worker process(es): ${BACKLOG} events × ${ENDPOINTS} endpoints`);
  const from = receiver.count();
  await Promise.all(Array.from({ length: BACKLOG }, () => storeNextEvent(`processes${count}`)));
  const target = from + BACKLOG * ENDPOINTS;
  const workers = Array.from({ length: count }, () =>
    spawn(process.execPath, ["--import", "tsx", "scripts/worker.ts"], {
      stdio: ["ignore", "ignore", "inherit"],
      env: {
        ...process.env,
        DATABASE_URL: database.url,
        APP_ENCRYPTION_KEY: env.APP_ENCRYPTION_KEY,
        ALLOW_PRIVATE_WEBHOOK_URLS: "1",
        LOG_LEVEL: "warn",
      },
    }),
  );
  const started = Date.now();
  while (receiver.count() < target && Date.now() - started < 120_000)
    await new Promise((resolve) => setTimeout(resolve, 20));
  await Promise.all(
    workers.map(
      (worker) =>
        new Promise((resolve) => {
          worker.once("exit", resolve);
          worker.kill("SIGTERM");
        }),
    ),
  );
  const arrivals = receiver.arrivals.slice(from).map((a) => a.at);
  return (arrivals.length - 1) / ((Math.max(...arrivals) - Math.min(...arrivals)) / 1000);
}
const scaling =
  PROCESSES > 0
    ? [
        [1, await drainWithProcesses(1)],
        [PROCESSES, await drainWithProcesses(PROCESSES)],
      ]
    : [];

// --- checks and figures ----------------------------------------------------------------------------
const outcome = await prisma.webhookDelivery.groupBy({ by: ["status"], _count: true });
const retried = await prisma.webhookDelivery.count({ where: { attemptCount: { gt: 1 } } });
const total = await prisma.webhookDelivery.count();
const duplicates = receiver.arrivals.length - new Set(receiver.arrivals.map((a) => a.messageId)).size;
console.log(`
deliveries (paced)     ${pacedDeliveries} offered at ${RATE}/s, ${before >= pacedDeliveries ? "all" : "NOT all"} received
steady state           ${pacedRate.toFixed(0)} deliveries/s (seconds ${WARMUP_SECONDS}–${SECONDS})
ingest → delivery      p50 ${percentile(delays, 0.5).toFixed(0)} ms   p99 ${percentile(delays, 0.99).toFixed(0)} ms   max ${delays[delays.length - 1]?.toFixed(0)} ms (events stored after the warm-up; max during it ${warmupMax.toFixed(0)} ms)
drain                  ${BACKLOG * ENDPOINTS} deliveries in ${drainSeconds.toFixed(2)} s = ${((drainTarget - before) / drainSeconds).toFixed(0)} deliveries/s
${scaling.map(([count, rate]) => `drain, ${count} process${count === 1 ? " " : "es"}   ${rate.toFixed(0)} deliveries/s${count === 1 ? "" : ` (× ${(rate / scaling[0][1]).toFixed(2)} of 1 process)`}\n`).join("")}rows                   ${total} deliveries: ${outcome.map((row) => `${row._count} ${row.status}`).join(", ")}; ${retried} retried; ${duplicates} received twice`);

await receiver.close();
await database.close();
const ok =
  total === receiver.arrivals.length &&
  retried === 0 &&
  duplicates === 0 &&
  outcome.every((row) => row.status === "succeeded");
process.exit(ok ? 0 : 1);
