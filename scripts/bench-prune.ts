// npm run bench:prune — the retention loop's pruning rate, alone and beside ingest.
// An embedded PostgreSQL (.data/bench-prune-postgres, fresh) seeded with EVENTS events received
// 100 days ago (one workspace keeping 90 days), each with one succeeded delivery and one attempt —
// the shape ~1.5 million rows a day take at 100,000 jobs a day. Then:
//   ingest solo    events stored through lib/ingest's group-committed apply by CONCURRENCY
//                  senders for SECONDS, in another workspace: events/s
//   prune + ingest the same load while one retention round (lib/retention) prunes everything
//                  expired: pruned events/s and rows/s (events + deliveries + attempts), and
//                  ingest's events/s meanwhile as a share of its solo rate (the mean of a solo
//                  run before and one after, so a change in the machine's other load shows)
// Options: --events N (1,000,000), --seconds N (10), --concurrency N (64), --batch N (2,000),
//   --pause MS (20: the pause between batches; the retention loop's defaults are the bench's).
import { randomBytes } from "node:crypto";
import { applyRuntimeEnv, env } from "@/lib/env";
import { openBenchDatabase } from "./lib/bench-database";

const argument = (name: string, fallback: number) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : fallback;
};
const EVENTS = argument("--events", 1_000_000);
const SECONDS = argument("--seconds", 10);
const CONCURRENCY = argument("--concurrency", 64);
const BATCH = argument("--batch", 2_000);
const PAUSE_MS = argument("--pause", 20);
const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);
setTimeout(
  () => {
    log("took too long; giving up");
    process.exit(2);
  },
  (EVENTS / 2_000 + SECONDS * 4 + 600) * 1000,
).unref();

const database = await openBenchDatabase("bench-prune-postgres", "bench_prune", { fresh: true, log });
applyRuntimeEnv({
  APP_ENCRYPTION_KEY: env.APP_ENCRYPTION_KEY ?? randomBytes(32).toString("base64"),
  LOG_LEVEL: "warn",
});
const pg = (await import("pg")).default;
const { getPool } = await import("@/lib/db/pool");
const { seal } = await import("@/lib/crypto/secret-box");
const { generateWebhookSecret } = await import("@/lib/crypto/webhook-secret");
const { buildEventInput } = await import("@/lib/ingest/build-event-input");
const { applyEventGroupCommitted } = await import("@/lib/ingest/group-commits");
const { parseIngestPayload } = await import("@/lib/ingest/schemas");
const { samplePayload } = await import("@/lib/ingest/testing/sample-events");
const { pruneExpired } = await import("@/lib/retention/prune-expired");

const pool = getPool();
const secret = seal(generateWebhookSecret());
await pool.query(
  `INSERT INTO "Workspace" (id, name, "inboundSecretEnc", "updatedAt") VALUES ('ws_old', 'history', $1, now()), ('ws_live', 'ingest', $1, now())`,
  [secret],
);
await pool.query(
  `INSERT INTO "WebhookEndpoint" (id, "workspaceId", url, "eventTypes", "secretEnc", "updatedAt") VALUES ('ep_old', 'ws_old', 'https://example.com/hook', '{}', $1, now())`,
  [secret],
);

// Seeded in chunks of 250,000 events (each chunk: jobs, events, deliveries, attempts), 10 events a
// job, on a connection of its own without statement timeout and without foreign-key triggers (the
// rows are consistent by construction; the pruning's own cascades still run).
const seedStarted = performance.now();
const seeder = new pg.Client({ connectionString: database.url });
await seeder.connect();
await seeder.query("SET statement_timeout = 0; SET session_replication_role = replica");
const CHUNK = 250_000;
const seed = (text: string, values: unknown[]) => seeder.query(text, values);
for (let from = 0; from < EVENTS; from += CHUNK) {
  const to = Math.min(EVENTS, from + CHUNK) - 1;
  const jobsFrom = Math.floor(from / 10);
  const jobsTo = Math.floor(to / 10);
  await seed(
    `INSERT INTO "Job" (id, "workspaceId", "upstreamJobId", "apiProduct", status, state, "createdAt", "updatedAt")
     SELECT 'jb_' || g, 'ws_old', 'job_' || g, 'transcribe', 'transcribed', 'completed', now() - interval '100 days', now() - interval '100 days'
       FROM generate_series($1::int, $2::int) AS g`,
    [jobsFrom, jobsTo],
  );
  await seed(
    `INSERT INTO "JobEvent" (id, "workspaceId", "jobId", "webhookId", event, status, "occurredAt", "receivedAt", disposition, payload)
     SELECT 'ev_' || g, 'ws_old', 'jb_' || (g / 10), 'msg_' || g, 'job.processing', 'transcribing',
            now() - interval '100 days', now() - interval '100 days' + g * interval '1 ms', 'applied', '{"event":"job.processing"}'::jsonb
       FROM generate_series($1::int, $2::int) AS g`,
    [from, to],
  );
  await seed(
    `INSERT INTO "WebhookDelivery" (id, "workspaceId", "endpointId", "jobEventId", "jobId", "eventType", "messageId", status, "attemptCount", "createdAt", "completedAt", "lastStatusCode")
     SELECT 'dl_' || g, 'ws_old', 'ep_old', 'ev_' || g, 'jb_' || (g / 10), 'job.processing', 'msg_out_' || g, 'succeeded', 1,
            now() - interval '100 days', now() - interval '100 days', 200
       FROM generate_series($1::int, $2::int) AS g`,
    [from, to],
  );
  await seed(
    `INSERT INTO "WebhookAttempt" (id, "deliveryId", "attemptNumber", "startedAt", "durationMs", "statusCode")
     SELECT 'at_' || g, 'dl_' || g, 1, now() - interval '100 days', 40, 200
       FROM generate_series($1::int, $2::int) AS g`,
    [from, to],
  );
  log(`seeded ${to + 1} events`);
}
await seeder.query("VACUUM ANALYZE");
await seeder.end();
log(
  `seeded ${EVENTS} events with a delivery and an attempt each in ${((performance.now() - seedStarted) / 1000).toFixed(0)} s`,
);

// Closed-loop ingest into ws_live until `until` resolves: events stored.
let sent = 0;
async function ingestUntil(done: () => boolean, phase: string): Promise<number> {
  let stored = 0;
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (!done()) {
        const n = sent++;
        const payload = samplePayload("transcribe", "created", `job_${phase}_${n}`, Date.now());
        const input = buildEventInput(
          { workspaceId: "ws_live", webhookId: `msg_in_${n}` },
          parseIngestPayload(payload, JSON.stringify(payload)),
          payload,
        );
        await applyEventGroupCommitted(input);
        stored += 1;
      }
    }),
  );
  return stored;
}

const soloStarted = performance.now();
const soloStored = await ingestUntil(() => performance.now() - soloStarted > SECONDS * 1000, "solo");
const soloRate = soloStored / ((performance.now() - soloStarted) / 1000);
log(`ingest solo: ${soloRate.toFixed(0)} events/s`);

const pruneStarted = performance.now();
let pruning = true;
const ingestStarted = performance.now();
const ingest = ingestUntil(() => !pruning, "beside");
const totals = await pruneExpired(pool, {
  nowMs: Date.now(),
  batch: BATCH,
  pauseMs: PAUSE_MS,
  workspaceIds: ["ws_old"],
});
const pruneSeconds = (performance.now() - pruneStarted) / 1000;
pruning = false;
const besideStored = await ingest;
const besideRate = besideStored / ((performance.now() - ingestStarted) / 1000);
// Solo again after the pruning, so that a change in the machine's load (other work on it) shows.
const afterStarted = performance.now();
const afterStored = await ingestUntil(() => performance.now() - afterStarted > SECONDS * 1000, "after");
const afterRate = afterStored / ((performance.now() - afterStarted) / 1000);
const soloMean = (soloRate + afterRate) / 2;
const rows = totals.events + totals.deliveries + totals.attempts;
const left = Number(
  (await pool.query<{ n: string }>(`SELECT count(*) AS n FROM "JobEvent" WHERE "workspaceId" = 'ws_old'`)).rows[0].n,
);

console.log(
  `pruning ${EVENTS.toLocaleString("en")} expired events (batches of ${BATCH}, ${PAUSE_MS} ms apart), with ${CONCURRENCY} ingest senders beside it:`,
);
console.log(
  `  pruned        ${totals.events} events, ${totals.deliveries} deliveries, ${totals.attempts} attempts in ${pruneSeconds.toFixed(1)} s; ${left} expired events left`,
);
console.log(
  `  prune rate    ${(totals.events / pruneSeconds).toFixed(0)} events/s, ${(rows / pruneSeconds).toFixed(0)} rows/s`,
);
console.log(`  ingest solo   ${soloRate.toFixed(0)} events/s before, ${afterRate.toFixed(0)} after`);
console.log(
  `  ingest beside ${besideRate.toFixed(0)} events/s (${((besideRate / soloMean) * 100).toFixed(0)} % of solo)`,
);
await database.close();
if (left > 0) process.exitCode = 1;
