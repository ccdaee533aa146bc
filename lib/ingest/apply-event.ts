import type pg from "pg";
import { getPool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { JOB_CHANGES_CHANNEL } from "@/lib/live/job-changes";
import {
  API_PRODUCTS,
  JOB_STATUSES,
  belongsToWorkflow,
  isTerminal,
  statusRank,
  type ApiProduct,
} from "@/lib/workflow/workflows";
import type { EventInput } from "./build-event-input";
import { createId } from "./create-id";
import { ENQUEUE_DELIVERIES_STEP } from "./enqueue-deliveries";
import type { EventDisposition } from "./merge-job-event";

// Everything one event writes, in ONE statement (one round trip), hence in one transaction: the
// event row, the job's monotonic upsert, the outputs, the outbox step (enqueue-deliveries.ts) and
// the NOTIFY, which PostgreSQL only delivers on commit. Run alone it is its own transaction; under
// load, events arriving together share one (group-commits.ts). merge-job-event.ts states the same
// rules in TypeScript, and the tests hold the SQL to it.
//
// Why it is right under READ COMMITTED, with any number of portal processes:
// - Dedupe: JobEvent's unique (workspaceId, webhookId) is the arbiter. A webhook-id already
//   stored is seen by `redelivery` and nothing is written; copies racing each other serialise
//   on the job row lock (below), and the loser's event insert hits ON CONFLICT DO NOTHING — no
//   error, no row, and its job update was a no-op (the status equals its own, and the merges are
//   idempotent).
// - Monotonic: `current_job` locks the job row FOR UPDATE, which waits for a concurrent writer and
//   then returns the newest committed version, even one newer than the statement's snapshot. The
//   verdict (applied / late / duplicate) is computed from that version, so two events for one job
//   are applied one after the other and the furthest status wins, whatever the commit order.
// - First event: when no job row exists, `created_job` inserts it (ON CONFLICT DO NOTHING). If a
//   concurrent first event won that insert, this statement finds no job and stores nothing; it is
//   run again, and the new snapshot sees the job (a rare race: one extra round trip).
// - Figures and createdAt merge order-independently (GREATEST / LEAST ignore NULLs): an event
//   without a figure never erases one, and every order of a job's events ends in the same row.
// Status ranks come from lib/workflow (statusRank, isTerminal), passed as arrays per workflow, so
// the SQL holds no copy of the workflows.
// Test-only switches (env.INGEST_TEST_SWITCH_OFF, npm run bench:ingest): the statement without
// its NOTIFYs, or without the outbox step.
const NOTIFY_ON = !env.INGEST_TEST_SWITCH_OFF.includes("notify");
const OUTBOX_STEP = env.INGEST_TEST_SWITCH_OFF.includes("outbox")
  ? `enqueued_deliveries AS (SELECT NULL::text AS id, $7::text AS unused WHERE false)`
  : NOTIFY_ON
    ? ENQUEUE_DELIVERIES_STEP
    : ENQUEUE_DELIVERIES_STEP.replace(/pg_notify\([^)]*\)/, "NULL::void");
const APPLY_EVENT_SQL = `
WITH
redelivery AS (
  SELECT 1 FROM "JobEvent" WHERE "workspaceId" = $1::text AND "webhookId" = $2::text
),
current_job AS (
  SELECT id, status, "apiProduct" FROM "Job"
   WHERE "workspaceId" = $1::text AND "upstreamJobId" = $3::text
     AND NOT EXISTS (SELECT 1 FROM redelivery)
   FOR UPDATE
),
verdict AS (
  SELECT id AS job_id,
         CASE
           WHEN $5::"JobStatus" IS NULL OR "apiProduct" <> $4::"ApiProduct" THEN 'ignored'
           WHEN status = $5::"JobStatus" THEN 'duplicate'
           WHEN NOT ($21::boolean[])[array_position($19::text[], status::text)]
                AND $18::int > ($20::int[])[array_position($19::text[], status::text)] THEN 'applied'
           ELSE 'late'
         END::"EventDisposition" AS disposition
    FROM current_job
),
created_job AS (
  INSERT INTO "Job" (id, "workspaceId", "upstreamJobId", "apiProduct", status, state, duration, cost,
                     "wordCount", "failureReason", "createdAt", "updatedAt", "completedAt")
  SELECT $16::text, $1::text, $3::text, $4::"ApiProduct", $5::"JobStatus", $9::"JobState", $12::float8,
         $13::numeric, $14::int, $11::text, $8::timestamp(3), $8::timestamp(3), $10::timestamp(3)
   WHERE $5::"JobStatus" IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM redelivery)
     AND NOT EXISTS (SELECT 1 FROM current_job)
  ON CONFLICT ("workspaceId", "upstreamJobId") DO NOTHING
  RETURNING id AS job_id, 'applied'::"EventDisposition" AS disposition
),
updated_job AS (
  UPDATE "Job" AS j SET
    status          = CASE WHEN v.disposition = 'applied' THEN $5::"JobStatus" ELSE j.status END,
    state           = CASE WHEN v.disposition = 'applied' THEN $9::"JobState" ELSE j.state END,
    "updatedAt"     = CASE WHEN v.disposition = 'applied' THEN $8::timestamp(3) ELSE j."updatedAt" END,
    "completedAt"   = CASE WHEN v.disposition = 'applied' THEN $10::timestamp(3) ELSE j."completedAt" END,
    "failureReason" = CASE WHEN v.disposition = 'applied' THEN $11::text ELSE j."failureReason" END,
    "createdAt"     = LEAST(j."createdAt", $8::timestamp(3)),
    duration        = GREATEST(j.duration, $12::float8),
    cost            = GREATEST(j.cost, $13::numeric),
    "wordCount"     = GREATEST(j."wordCount", $14::int)
  FROM verdict AS v
  WHERE j.id = v.job_id AND v.disposition <> 'ignored'
  RETURNING j.id
),
stored_event AS (
  INSERT INTO "JobEvent" (id, "workspaceId", "jobId", "webhookId", event, status, "occurredAt", "receivedAt",
                          disposition, payload)
  SELECT $17::text, $1::text, job.job_id, $2::text, $7::text, $6::text, $8::timestamp(3),
         statement_timestamp() AT TIME ZONE 'UTC', job.disposition, $15::jsonb
    FROM (SELECT job_id, disposition FROM verdict UNION ALL SELECT job_id, disposition FROM created_job) AS job
  ON CONFLICT ("workspaceId", "webhookId") DO NOTHING
  RETURNING id, "jobId", disposition
),
stored_outputs AS (
  INSERT INTO "JobOutput" (id, "jobId", "outputIndex", "sizeBytes", kind)
  SELECT o.id, e."jobId", o.output_index, o.size_bytes, o.kind
    FROM stored_event AS e,
         unnest($22::text[], $23::int[], $24::bigint[], $25::"OutputKind"[]) AS o(id, output_index, size_bytes, kind)
   WHERE e.disposition = 'applied'
  ON CONFLICT ("jobId", "outputIndex") DO UPDATE SET "sizeBytes" = EXCLUDED."sizeBytes", kind = EXCLUDED.kind
  RETURNING 1
),
${OUTBOX_STEP},
announced AS (
  SELECT pg_notify($26::text, json_build_object(
           'workspaceId', $1::text, 'jobId', e."jobId", 'upstreamJobId', $3::text, 'status', $6::text)::text)
    FROM stored_event AS e
   WHERE e.disposition = 'applied' AND ${NOTIFY_ON}
)
SELECT EXISTS (SELECT 1 FROM redelivery) AS redelivery,
       (SELECT disposition FROM stored_event) AS disposition,
       (SELECT job_id FROM verdict UNION ALL SELECT job_id FROM created_job LIMIT 1) AS job_id,
       (SELECT count(*) FROM announced) AS announced,
       (SELECT count(*) FROM enqueued_deliveries) AS enqueued
`;

/**
 * Each workflow's statuses with lib/workflow's rank and terminal flag, as the array literals the
 * SQL reads ($19-$21) — built once, not serialised again for every event.
 */
const RANK_TABLES = Object.fromEntries(
  API_PRODUCTS.map((product) => {
    const statuses = JOB_STATUSES.filter((status) => belongsToWorkflow(product, status));
    const literal = (values: Array<string | number | boolean>) => `{${values.join(",")}}`;
    return [
      product,
      {
        statuses: literal(statuses),
        ranks: literal(statuses.map((status) => statusRank(product, status))),
        terminal: literal(statuses.map((status) => isTerminal(product, status))),
      },
    ];
  }),
) as Record<ApiProduct, { statuses: string; ranks: string; terminal: string }>;

/** What happened to the event: a stored disposition, or `already_received` for a webhook-id seen before. */
export type IngestDisposition = EventDisposition | "already_received";

export interface ApplyEventResult {
  disposition: IngestDisposition;
  /** Whether a JobEvent row was written (false for a redelivery, and for a future event type about a job never seen). */
  stored: boolean;
  jobId: string | null;
}

interface ApplyEventRow {
  redelivery: boolean;
  disposition: EventDisposition | null;
  job_id: string | null;
}

// A first event losing the job insert to a concurrent one needs one more run; three is plenty.
const MAX_ATTEMPTS = 3;

function parametersOf(input: EventInput): unknown[] {
  const table = RANK_TABLES[input.apiProduct];
  return [
    input.workspaceId,
    input.webhookId,
    input.upstreamJobId,
    input.apiProduct,
    input.status,
    input.statusText,
    input.event,
    input.occurredAt,
    input.state,
    input.completedAt,
    input.failureReason,
    input.duration,
    input.cost,
    input.wordCount,
    JSON.stringify(input.payload),
    createId(),
    createId(),
    input.status === null ? null : statusRank(input.apiProduct, input.status),
    table.statuses,
    table.ranks,
    table.terminal,
    input.outputs.map(() => createId()),
    input.outputs.map((output) => output.outputIndex),
    input.outputs.map((output) => String(output.sizeBytes)),
    input.outputs.map((output) => output.kind),
    JOB_CHANGES_CHANNEL,
  ];
}

/** A pool (autocommit: the statement is its own transaction) or a client inside BEGIN … COMMIT. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/**
 * Stores one verified, contract-checked event and applies it to its job, exactly once, with the
 * one statement above: on its own (`db` a pool) or as part of a shared transaction (group-commits.ts).
 */
export async function applyEvent(input: EventInput, db: Queryable = getPool("ingest")): Promise<ApplyEventResult> {
  const values = parametersOf(input);
  for (let attempt = 1; ; attempt += 1) {
    // Named: each pooled connection parses and plans this statement once.
    const { rows } = await db.query<ApplyEventRow>({ name: "ingest-apply-event", text: APPLY_EVENT_SQL, values });
    const row = rows[0];
    if (row.redelivery) return { disposition: "already_received", stored: false, jobId: null };
    if (row.disposition) return { disposition: row.disposition, stored: true, jobId: row.job_id };
    // The job exists but the event insert conflicted: a copy of this webhook-id committed first.
    if (row.job_id) return { disposition: "already_received", stored: false, jobId: row.job_id };
    // A future event type about a job never seen: nothing to attach it to, nothing to invent.
    if (input.status === null) return { disposition: "ignored", stored: false, jobId: null };
    if (attempt >= MAX_ATTEMPTS) throw new Error(`job ${input.upstreamJobId} was neither found nor created`);
  }
}
