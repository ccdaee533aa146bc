import { namedSql } from "@/lib/db/named-sql";
import { announceJobActivity } from "@/lib/live/announce-job-activity";
import type { AttemptExchange } from "./capture-exchange";
import type { Queryable } from "./claim-deliveries";
import type { Decision, EndpointEffect } from "./decide-outcome";
import { FAILING_DISABLE_AFTER_MS, FAILING_DISABLED_REASON } from "./retry-schedule";
import { MAX_STORED_ERROR_LENGTH, toStorableExcerpt, toStorableText } from "./storable-text";

// Attempt outcomes, any number in one statement (create-outcome-recorder.ts batches them): each delivery's
// new state and its attempt log row — only if this worker still holds the claim (status
// `delivering` with the same attemptCount: see claim-deliveries.ts) — and each endpoint's health,
// which is about the endpoint, not the claim: a success clears failingSince; a failure starts
// it; 410 Gone, or a failure after five days of nothing but failures, disables the endpoint and
// fails its pending deliveries (and the retry this attempt would have had). What the receiver
// sent is made storable here (storable-text.ts), so that no answer can make this write fail.
// With each logged attempt goes its HTTP exchange, for the delivery debugger (capture-exchange.ts),
// in a table of its own. Once committed, the job pages showing the jobs concerned are told
// (lib/live/announce-job-activity.ts), so attempts appear on their timelines as they happen.

// Whether an outcome disables the endpoint. COALESCE: a NULL failingSince reads as "no", not NULL.
const disables = (effect: string) =>
  `(ep.enabled AND (${effect} = 'gone' OR (${effect} = 'failing' AND COALESCE(ep."failingSince" <= :failingBefore::timestamp(3), false))))`;

interface RecordParams extends Record<string, unknown> {
  /** One array element per outcome, in the same order in every array. */
  ids: string[];
  attempts: number[];
  statuses: string[];
  nextAttemptsAt: Array<string | null>;
  statusCodes: Array<number | null>;
  errors: Array<string | null>;
  startedAts: string[];
  durationsMs: number[];
  excerpts: Array<string | null>;
  endpointIds: string[];
  effects: EndpointEffect[];
  /** The exchange of each outcome as JSON text, null when nothing was sent. */
  exchanges: Array<string | null>;
  failingBefore: string;
  now: string;
  goneReason: string;
  failingReason: string;
}

const RECORD_SQL = namedSql<RecordParams>(`
WITH
input AS (
  SELECT * FROM unnest(:ids::text[], :attempts::int[], :statuses::text[], :nextAttemptsAt::text[], :statusCodes::int[], :errors::text[], :startedAts::text[], :durationsMs::int[], :excerpts::text[], :endpointIds::text[], :effects::text[], :exchanges::jsonb[])
    AS i(id, attempt, status, next_at, status_code, error, started_at, duration_ms, excerpt, endpoint_id, effect, exchange)
),
-- One effect per endpoint for the batch: gone wins, then a success (the endpoint works), then a failure.
effects AS (
  SELECT endpoint_id AS id,
         CASE WHEN bool_or(effect = 'gone') THEN 'gone' WHEN bool_or(effect = 'ok') THEN 'ok'
              WHEN bool_or(effect = 'failing') THEN 'failing' ELSE 'untouched' END AS effect
    FROM input
   GROUP BY endpoint_id
),
-- Only endpoints whose row changes are locked (a busy healthy endpoint's row is not written per
-- batch), in id order, so that two batches never wait for each other in a cycle.
to_change AS (
  SELECT ep.id, f.effect FROM "WebhookEndpoint" AS ep JOIN effects AS f ON f.id = ep.id
   WHERE (f.effect = 'ok' AND ep."failingSince" IS NOT NULL)
      OR (f.effect IN ('failing', 'gone') AND (ep."failingSince" IS NULL OR ${disables("f.effect")}))
   ORDER BY ep.id
   FOR UPDATE OF ep
),
endpoint_after AS (
  UPDATE "WebhookEndpoint" AS ep SET
    "failingSince"   = CASE WHEN u.effect = 'ok' THEN NULL ELSE COALESCE(ep."failingSince", :now::timestamp(3)) END,
    enabled          = ep.enabled AND NOT ${disables("u.effect")},
    "disabledReason" = CASE WHEN ${disables("u.effect")} THEN (CASE WHEN u.effect = 'gone' THEN :goneReason ELSE :failingReason END) ELSE ep."disabledReason" END,
    "disabledAt"     = CASE WHEN ${disables("u.effect")} THEN :now::timestamp(3) ELSE ep."disabledAt" END,
    "updatedAt"      = CASE WHEN ${disables("u.effect")} THEN :now::timestamp(3) ELSE ep."updatedAt" END
    FROM to_change AS u
   WHERE ep.id = u.id
  RETURNING ep.id, ep.enabled, ep."disabledReason"
),
verdicts AS (
  SELECT i.*, (CASE WHEN i.status = 'pending' AND ea.enabled IS FALSE THEN 'failed' ELSE i.status END)::"DeliveryStatus" AS final
    FROM input AS i LEFT JOIN endpoint_after AS ea ON ea.id = i.endpoint_id
),
finished AS (
  UPDATE "WebhookDelivery" AS d SET
    status           = v.final,
    "nextAttemptAt"  = CASE WHEN v.final = 'pending' THEN v.next_at::timestamp(3) ELSE d."nextAttemptAt" END,
    "leaseExpiresAt" = NULL,
    "leaseRecoveries" = 0,
    "lastStatusCode" = v.status_code,
    "lastError"      = v.error,
    "completedAt"    = CASE WHEN v.final = 'pending' THEN NULL ELSE :now::timestamp(3) END
    FROM verdicts AS v
   WHERE d.id = v.id AND d.status = 'delivering' AND d."attemptCount" = v.attempt
  RETURNING d.id, d.status, v.attempt, v.started_at, v.duration_ms, v.status_code, v.excerpt, v.error, v.next_at
),
logged AS (
  INSERT INTO "WebhookAttempt" (id, "deliveryId", "attemptNumber", "startedAt", "durationMs", "statusCode", "responseExcerpt", error, "nextRetryAt")
  SELECT replace(gen_random_uuid()::text, '-', ''), f.id, f.attempt, f.started_at::timestamp(3), f.duration_ms, f.status_code, f.excerpt,
         f.error, CASE WHEN f.status = 'pending' THEN f.next_at::timestamp(3) END
    FROM finished AS f
  ON CONFLICT ("deliveryId", "attemptNumber") DO NOTHING
  RETURNING id, "deliveryId"
),
exchanged AS (
  INSERT INTO "WebhookAttemptExchange" ("attemptId", "createdAt", "requestUrl", "requestHeaders", "requestBody", "requestBodyBytes", "responseHeaders")
  SELECT l.id, :now::timestamp(3), i.exchange->>'requestUrl', i.exchange->'requestHeaders', i.exchange->>'requestBody', (i.exchange->>'requestBodyBytes')::int,
         NULLIF(i.exchange->'responseHeaders', 'null'::jsonb)
    FROM logged AS l JOIN input AS i ON i.id = l."deliveryId"
   WHERE i.exchange IS NOT NULL
),
others_failed AS (
  UPDATE "WebhookDelivery" AS d SET
    status = 'failed', "completedAt" = :now::timestamp(3), "lastError" = 'Endpoint disabled: ' || ea."disabledReason"
    FROM endpoint_after AS ea
   WHERE d."endpointId" = ea.id AND NOT ea.enabled AND d.status = 'pending'
)
SELECT i.id, f.status::text AS status, COALESCE(NOT ea.enabled, false) AS "endpointDisabled"
  FROM input AS i
  LEFT JOIN finished AS f ON f.id = i.id
  LEFT JOIN endpoint_after AS ea ON ea.id = i.endpoint_id
`);

export interface AttemptRecord {
  deliveryId: string;
  endpointId: string;
  /** The job's workspace and upstream id: whose job page hears of the attempt. */
  workspaceId: string;
  upstreamJobId: string;
  /** What was sent and answered; null when nothing was sent (no links, no signature). */
  exchange: AttemptExchange | null;
  attemptNumber: number;
  decision: Decision;
  statusCode: number | null;
  error: string | null;
  responseExcerpt: string | null;
  startedAtMs: number;
  durationMs: number;
}

export interface RecordResult {
  /** The delivery's new status, or null when the claim was lost (nothing about the delivery written). */
  status: "succeeded" | "pending" | "failed" | null;
  endpointDisabled: boolean;
}

const iso = (ms: number) => new Date(ms).toISOString();

/** Records a batch of outcomes at `nowMs`; results in the order of `records`. */
export async function recordOutcomes(
  db: Queryable,
  records: readonly AttemptRecord[],
  nowMs: number,
): Promise<RecordResult[]> {
  if (records.length === 0) return [];
  const column = <T>(pick: (record: AttemptRecord) => T) => records.map(pick);
  const values = RECORD_SQL.values({
    ids: column((r) => r.deliveryId),
    attempts: column((r) => r.attemptNumber),
    statuses: column((r) => r.decision.status),
    nextAttemptsAt: column((r) => (r.decision.nextAttemptAt === null ? null : iso(r.decision.nextAttemptAt))),
    statusCodes: column((r) => r.statusCode),
    errors: column((r) => toStorableText(r.error, MAX_STORED_ERROR_LENGTH)),
    startedAts: column((r) => iso(r.startedAtMs)),
    durationsMs: column((r) => r.durationMs),
    excerpts: column((r) => toStorableExcerpt(r.responseExcerpt)),
    endpointIds: column((r) => r.endpointId),
    effects: column((r): EndpointEffect => r.decision.endpoint),
    exchanges: column((r) => (r.exchange === null ? null : JSON.stringify(r.exchange))),
    failingBefore: iso(nowMs - FAILING_DISABLE_AFTER_MS),
    now: iso(nowMs),
    goneReason: `The endpoint answered 410 Gone on ${iso(nowMs)}`,
    failingReason: FAILING_DISABLED_REASON,
  });
  const { rows } = await db.query<RecordResult & { id: string }>({
    name: "delivery-record-outcomes",
    text: RECORD_SQL.text,
    values,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  const results = records.map((record) => {
    const row = byId.get(record.deliveryId);
    return { status: row?.status ?? null, endpointDisabled: row?.endpointDisabled ?? false };
  });
  await announceJobActivity(
    records
      .filter((_record, index) => results[index].status !== null)
      .map((record) => ({ workspaceId: record.workspaceId, jobId: record.upstreamJobId })),
    db,
  );
  return results;
}

export async function recordOutcome(db: Queryable, record: AttemptRecord, nowMs: number): Promise<RecordResult> {
  return (await recordOutcomes(db, [record], nowMs))[0];
}

/** Gives a claimed delivery back untouched (a worker stopping before it sent): due again at once. */
export async function releaseDelivery(db: Queryable, deliveryId: string, attemptNumber: number): Promise<boolean> {
  const { rowCount } = await db.query(
    `UPDATE "WebhookDelivery" SET status = 'pending', "attemptCount" = "attemptCount" - 1, "leaseExpiresAt" = NULL
      WHERE id = $1 AND status = 'delivering' AND "attemptCount" = $2`,
    [deliveryId, attemptNumber],
  );
  return rowCount === 1;
}
