import type pg from "pg";
import { namedSql } from "@/lib/db/named-sql";
import { enqueueDeliveriesStep } from "@/lib/delivery/enqueue-deliveries-step";
import { env } from "@/lib/env";
import { countJobsStep } from "@/lib/insight/count-jobs-step";
import { API_PRODUCTS, belongsToWorkflow, isTerminal, JOB_STATUSES, statusRank } from "@/lib/workflow/workflows";
import type { EventInput } from "./build-event-input";
import { createId } from "./create-id";
import type { EventDisposition } from "./merge-job-event";

// THE INGEST STATEMENT (apply-events.ts runs it): everything a group of events writes, in ONE
// statement — one round trip, and its own transaction when run alone. Per event: the event row,
// the job's monotonic upsert, the outputs and the outbox rows (lib/delivery/enqueue-deliveries-step.ts).
// The events arrive as one JSON array read as a table (json_to_recordset) into one INSERT … SELECT
// per table: one parameter serialised by JSON.stringify, where an array per column cost the pg
// client more than the rest of the request. merge-job-event.ts states the same rules in
// TypeScript, and the tests hold the SQL to it. Nothing here NOTIFYs: the caller announces the
// changes after the commit (announce-changes.ts), so that commits do not serialise on
// PostgreSQL's notify lock.
//
// The events of one statement must name distinct jobs and distinct webhook-ids (applyEvents
// splits them into such waves; group-commits.ts forms groups that are one wave): an UPDATE
// cannot move one row twice, and each event's verdict is taken against its job as the statement
// finds it. Why it is right under READ COMMITTED, with any number of portal processes:
// - Dedupe: JobEvent's unique (workspaceId, webhookId) is the arbiter. A webhook-id already
//   stored is left out of `fresh` and nothing is written for it; copies racing each other
//   serialise on the job row lock (below), and the loser's event insert hits ON CONFLICT DO
//   NOTHING — no error, no row, and its job update was a no-op (the status equals its own, and the
//   merges are idempotent).
// - Monotonic: `current_job` locks the job rows FOR UPDATE (in one global order, workspace then
//   job id, as `created_job` inserts), which waits for a concurrent writer and then returns the
//   newest committed version. The verdict (applied / late / duplicate) is computed from that
//   version, so two events for one job are applied one after the other and the furthest status
//   wins, whatever the commit order.
// - First event: when no job row exists, `created_job` inserts it (ON CONFLICT DO NOTHING). If a
//   concurrent first event won that insert, this statement stores nothing for that event; it is
//   run again, and the new snapshot sees the job (a rare race: one extra round trip).
// - Figures and createdAt merge order-independently (GREATEST / LEAST ignore NULLs): an event
//   without a figure never erases one, and every order of a job's events ends in the same row.
// Status ranks come from lib/workflow (statusRank, isTerminal), passed as a table, so the SQL
// holds no copy of the workflows.

// Test only (env.INGEST_TEST_SWITCH_OFF, npm run bench:ingest): the statement without its outbox step.
const OUTBOX_STEP = env.INGEST_TEST_SWITCH_OFF.includes("outbox")
  ? `enqueued_deliveries AS (SELECT NULL::text AS id, NULL::text AS "workspaceId", NULL::text AS "jobEventId" WHERE false)`
  : enqueueDeliveriesStep({ storedEvents: "stored_event", as: "enqueued_deliveries" });

// FOLLOW-UP STEPS: what else must commit with the events, each a CTE built by its owner's module
// (as the outbox is by lib/delivery) and appended here — so that it is in the same transaction and
// costs no round trip. A step reads these relations, never the tables for what this statement
// writes (every part of a statement sees the snapshot taken before it):
//   stored_event  the events stored now: id, "workspaceId", "jobId", "webhookId", event, disposition
//   current_job   the jobs that existed, as they were before (locked): id, status, "apiProduct", …
//   created_job   the jobs created now; updated_job  the existing ones after their update
//                 (add the columns a step needs to their RETURNING)
//   decided       each fresh event's job_id and disposition
// Each job occurs at most once per statement (see above), so a step may take a job's before
// (current_job) and after (updated_job, created_job) as one transition. A step writing shared rows
// (a per-workspace counter) upserts in a fixed order, as current_job locks, so concurrent
// statements cannot deadlock. The final SELECT reads only enqueued_deliveries.
// The counters (lib/insight/count-jobs-step.ts): jobs per workspace, hour, product and state.
// Test only (env.INGEST_TEST_SWITCH_OFF, npm run bench:ingest): the statement without its counters.
const COUNTERS_STEP = env.INGEST_TEST_SWITCH_OFF.includes("counters")
  ? `counted_jobs AS (SELECT 1 WHERE false)`
  : countJobsStep({
      currentJobs: "current_job",
      updatedJobs: "updated_job",
      createdJobs: "created_job",
      as: "counted_jobs",
    });
const FOLLOW_UP_STEPS = [OUTBOX_STEP, COUNTERS_STEP];

interface ApplyEventsParams extends Record<string, unknown> {
  /** The events as one JSON array (EventRow), read by json_to_recordset: one parameter, no per-value escaping. */
  events: string;
  rankProducts: string;
  rankStatuses: string;
  rankValues: string;
  rankTerminal: string;
}

const APPLY_EVENTS = namedSql<ApplyEventsParams>(`
WITH
input AS (
  SELECT * FROM json_to_recordset(:events::json) AS i(
    ordinal int, workspace_id text, webhook_id text, upstream_job_id text, api_product "ApiProduct", status "JobStatus",
    status_text text, event text, occurred_at timestamp(3), state "JobState", completed_at timestamp(3),
    failure_reason text, duration float8, cost numeric, word_count int, payload jsonb, new_job_id text,
    new_event_id text, rank int, outputs json)
),
ranks AS (
  SELECT * FROM unnest(:rankProducts::"ApiProduct"[], :rankStatuses::"JobStatus"[], :rankValues::int[], :rankTerminal::boolean[])
           AS r(product, status, rank, terminal)
),
-- One index probe per event. Not NOT EXISTS: the planner guesses the JSON holds 100 rows and, while
-- JobEvent has fewer than about 12,000 (or its statistics say so), hashes them against a scan of
-- the whole table, on every statement. A LATERAL subquery with a LIMIT is never turned into that
-- join (apply-events-plan.int.test.ts).
fresh AS (
  SELECT i.* FROM input AS i
    LEFT JOIN LATERAL (
          SELECT true AS seen FROM "JobEvent" AS e
           WHERE e."workspaceId" = i.workspace_id AND e."webhookId" = i.webhook_id
           LIMIT 1) AS stored ON true
   WHERE stored.seen IS NULL
),
-- One index lookup per event (LATERAL: never a scan of the table, whatever the planner guesses
-- of the JSON's row count), locking the rows in the global order of the sorted events.
current_job AS (
  SELECT j.*
    FROM (SELECT workspace_id, upstream_job_id FROM fresh ORDER BY workspace_id, upstream_job_id) AS f
   CROSS JOIN LATERAL (
          SELECT id, status, "apiProduct", "workspaceId", "upstreamJobId", state, "createdAt", cost, duration FROM "Job"
           WHERE "workspaceId" = f.workspace_id AND "upstreamJobId" = f.upstream_job_id
             FOR UPDATE) AS j
),
verdict AS (
  SELECT f.ordinal, c.id AS job_id,
         CASE
           WHEN f.status IS NULL OR c."apiProduct" <> f.api_product THEN 'ignored'
           WHEN c.status = f.status THEN 'duplicate'
           WHEN NOT r.terminal AND f.rank > r.rank THEN 'applied'
           ELSE 'late'
         END::"EventDisposition" AS disposition
    FROM fresh AS f
    JOIN current_job AS c ON c."workspaceId" = f.workspace_id AND c."upstreamJobId" = f.upstream_job_id
    LEFT JOIN ranks AS r ON r.product = c."apiProduct" AND r.status = c.status
),
created_job AS (
  INSERT INTO "Job" (id, "workspaceId", "upstreamJobId", "apiProduct", status, state, duration, cost,
                     "wordCount", "failureReason", "createdAt", "updatedAt", "completedAt")
  SELECT f.new_job_id, f.workspace_id, f.upstream_job_id, f.api_product, f.status, f.state, f.duration,
         f.cost, f.word_count, f.failure_reason, f.occurred_at, f.occurred_at, f.completed_at
    FROM fresh AS f
   WHERE f.status IS NOT NULL
     AND NOT EXISTS (SELECT 1 FROM current_job AS c WHERE c."workspaceId" = f.workspace_id AND c."upstreamJobId" = f.upstream_job_id)
   ORDER BY f.workspace_id, f.upstream_job_id
  ON CONFLICT ("workspaceId", "upstreamJobId") DO NOTHING
  RETURNING id, "workspaceId", "upstreamJobId", "apiProduct", state, "createdAt", cost, duration
),
decided AS (
  SELECT ordinal, job_id, disposition FROM verdict
  UNION ALL
  SELECT f.ordinal, c.id, 'applied'::"EventDisposition"
    FROM created_job AS c
    JOIN fresh AS f ON f.workspace_id = c."workspaceId" AND f.upstream_job_id = c."upstreamJobId"
),
updated_job AS (
  UPDATE "Job" AS j SET
    status          = CASE WHEN v.disposition = 'applied' THEN f.status ELSE j.status END,
    state           = CASE WHEN v.disposition = 'applied' THEN f.state ELSE j.state END,
    "updatedAt"     = CASE WHEN v.disposition = 'applied' THEN f.occurred_at ELSE j."updatedAt" END,
    "completedAt"   = CASE WHEN v.disposition = 'applied' THEN f.completed_at ELSE j."completedAt" END,
    "failureReason" = CASE WHEN v.disposition = 'applied' THEN f.failure_reason ELSE j."failureReason" END,
    "createdAt"     = LEAST(j."createdAt", f.occurred_at),
    duration        = GREATEST(j.duration, f.duration),
    cost            = GREATEST(j.cost, f.cost),
    "wordCount"     = GREATEST(j."wordCount", f.word_count)
    FROM verdict AS v
    JOIN fresh AS f ON f.ordinal = v.ordinal
   WHERE j.id = v.job_id AND v.disposition <> 'ignored'
  RETURNING j.id, j."workspaceId", j."apiProduct", j.state, j."createdAt", j.cost, j.duration
),
stored_event AS (
  INSERT INTO "JobEvent" (id, "workspaceId", "jobId", "webhookId", event, status, "occurredAt", "receivedAt",
                          disposition, payload)
  -- receivedAt: the time of this insert, after the job locks were waited for — so that it is at
  -- most a commit away from the moment the row becomes visible (the sweep of the live listeners relies on it).
  SELECT f.new_event_id, f.workspace_id, d.job_id, f.webhook_id, f.event, f.status_text, f.occurred_at,
         clock_timestamp() AT TIME ZONE 'UTC', d.disposition, f.payload
    FROM decided AS d
    JOIN fresh AS f ON f.ordinal = d.ordinal
  ON CONFLICT ("workspaceId", "webhookId") DO NOTHING
  RETURNING id, "workspaceId", "jobId", "webhookId", event, disposition
),
stored_outputs AS (
  INSERT INTO "JobOutput" (id, "jobId", "outputIndex", "sizeBytes", kind)
  SELECT o.id, e."jobId", o.output_index, o.size_bytes, o.kind
    FROM input AS i
    JOIN stored_event AS e ON e."workspaceId" = i.workspace_id AND e."webhookId" = i.webhook_id
   CROSS JOIN LATERAL json_to_recordset(i.outputs) AS o(id text, output_index int, size_bytes bigint, kind "OutputKind")
   WHERE e.disposition = 'applied'
  ON CONFLICT ("jobId", "outputIndex") DO UPDATE SET "sizeBytes" = EXCLUDED."sizeBytes", kind = EXCLUDED.kind
  RETURNING 1
),
${FOLLOW_UP_STEPS.join(",\n")}
SELECT i.ordinal::int AS ordinal,
       f.ordinal IS NULL AS redelivery,
       e.disposition,
       d.job_id,
       (SELECT count(*) FROM enqueued_deliveries AS q WHERE q."jobEventId" = e.id)::int AS enqueued
  FROM input AS i
  LEFT JOIN fresh AS f ON f.ordinal = i.ordinal
  LEFT JOIN decided AS d ON d.ordinal = i.ordinal
  LEFT JOIN stored_event AS e ON e."workspaceId" = i.workspace_id AND e."webhookId" = i.webhook_id
 ORDER BY i.ordinal
`);

/** Every workflow's statuses with lib/workflow's rank and terminal flag: the `ranks` table, built once. */
const RANK_TABLE = (() => {
  const rows = API_PRODUCTS.flatMap((product) =>
    JOB_STATUSES.filter((status) => belongsToWorkflow(product, status)).map((status) => ({
      product,
      status,
      rank: statusRank(product, status),
      terminal: isTerminal(product, status),
    })),
  );
  const literal = (values: Array<string | number | boolean>) => `{${values.join(",")}}`;
  return {
    rankProducts: literal(rows.map((row) => row.product)),
    rankStatuses: literal(rows.map((row) => row.status)),
    rankValues: literal(rows.map((row) => row.rank)),
    rankTerminal: literal(rows.map((row) => row.terminal)),
  };
})();

/** One row per event, in the order given. */
export interface ApplyEventsRow {
  ordinal: number;
  redelivery: boolean;
  disposition: EventDisposition | null;
  job_id: string | null;
  enqueued: number;
}

function eventRowOf(input: EventInput, index: number) {
  return {
    ordinal: index + 1,
    workspace_id: input.workspaceId,
    webhook_id: input.webhookId,
    upstream_job_id: input.upstreamJobId,
    api_product: input.apiProduct,
    status: input.status,
    status_text: input.statusText,
    event: input.event,
    occurred_at: input.occurredAt,
    state: input.state,
    completed_at: input.completedAt,
    failure_reason: input.failureReason,
    duration: input.duration,
    cost: input.cost,
    word_count: input.wordCount,
    payload: input.payload,
    new_job_id: createId(),
    new_event_id: createId(),
    rank: input.status === null ? null : statusRank(input.apiProduct, input.status),
    outputs: input.outputs.map((output) => ({
      id: createId(),
      output_index: output.outputIndex,
      size_bytes: output.sizeBytes,
      kind: output.kind,
    })),
  };
}

/** The statement for these events, named: each pooled connection parses and plans it once. */
export function applyEventsQuery(inputs: readonly EventInput[]): pg.QueryConfig {
  return {
    name: "ingest-apply-events",
    text: APPLY_EVENTS.text,
    values: APPLY_EVENTS.values({ events: JSON.stringify(inputs.map(eventRowOf)), ...RANK_TABLE }),
  };
}
