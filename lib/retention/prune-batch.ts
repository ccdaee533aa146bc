import type pg from "pg";
import { namedSql } from "@/lib/db/named-sql";

// One batch of pruning for one workspace, one short autocommit statement (its locks last as long
// as the statement, a few milliseconds for a batch): up to `batch` events received before the
// cutoff, after the cursor, oldest first, with their deliveries and those deliveries' attempts.
// - A delivery still pending or being delivered is never removed, nor is its event (deleting the
//   event would cascade to it): those events are kept for a later round. The deliveries are locked
//   (FOR UPDATE) before their status is read, so one a replay turns back to pending at this moment
//   is either seen as pending (and kept) or waits for this statement to finish.
// - Events are taken with SKIP LOCKED: pruners in several worker processes share the work instead
//   of waiting for each other, and a row being written is left for the next round.
// - The cursor moves past kept events, so a run of them never stalls the rounds behind it.
// Attempts and deliveries are deleted by the statement itself, so it can say how many; the
// cascades of the event DELETE then find nothing left to do (WebhookDelivery_jobEventId_idx).
interface PruneParams extends Record<string, unknown> {
  workspaceId: string;
  cutoff: string;
  afterReceivedAt: string;
  afterId: string;
  batch: number;
}

const PRUNE_SQL = namedSql<PruneParams>(`
WITH
candidates AS (
  SELECT e.id, e."receivedAt"
    FROM "JobEvent" AS e
   WHERE e."workspaceId" = :workspaceId
     AND e."receivedAt" < :cutoff::timestamp(3)
     AND (e."receivedAt", e.id) > (:afterReceivedAt::timestamp(3), :afterId::text)
   ORDER BY e."receivedAt", e.id
   LIMIT :batch
     FOR UPDATE SKIP LOCKED
),
deliveries AS (
  SELECT d.id, d."jobEventId", d.status
    FROM "WebhookDelivery" AS d
   WHERE d."jobEventId" IN (SELECT id FROM candidates)
     FOR UPDATE
),
kept AS (
  SELECT DISTINCT "jobEventId" AS id FROM deliveries WHERE status IN ('pending', 'delivering')
),
gone_attempts AS (
  DELETE FROM "WebhookAttempt" AS a
   USING deliveries AS d
   WHERE a."deliveryId" = d.id AND d."jobEventId" NOT IN (SELECT id FROM kept)
  RETURNING 1
),
gone_deliveries AS (
  DELETE FROM "WebhookDelivery" AS w
   USING deliveries AS d
   WHERE w.id = d.id AND d."jobEventId" NOT IN (SELECT id FROM kept)
  RETURNING 1
),
gone_events AS (
  DELETE FROM "JobEvent" AS e
   USING candidates AS c
   WHERE e.id = c.id AND c.id NOT IN (SELECT id FROM kept)
  RETURNING 1
),
last AS (
  SELECT "receivedAt", id FROM candidates ORDER BY "receivedAt" DESC, id DESC LIMIT 1
)
SELECT (SELECT count(*) FROM candidates)::int      AS candidates,
       (SELECT count(*) FROM gone_events)::int     AS events,
       (SELECT count(*) FROM gone_deliveries)::int AS deliveries,
       (SELECT count(*) FROM gone_attempts)::int   AS attempts,
       (SELECT "receivedAt"::text FROM last)       AS "lastReceivedAt",
       (SELECT id FROM last)                       AS "lastId"`);

/** Timestamps as text, UTC as stored ("timestamp(3)" without zone): never through a local-time Date. */
export interface PruneCursor {
  receivedAt: string;
  id: string;
}

export interface PruneBatchResult {
  /** Events looked at (at most `batch`): fewer means this workspace has nothing older left to look at. */
  candidates: number;
  events: number;
  deliveries: number;
  attempts: number;
  /** Where the next batch starts; null when nothing was looked at. */
  next: PruneCursor | null;
}

export const START_CURSOR: PruneCursor = { receivedAt: "1970-01-01 00:00:00", id: "" };

export async function pruneBatch(
  db: Pick<pg.Pool, "query">,
  options: { workspaceId: string; cutoff: Date; after: PruneCursor; batch: number },
): Promise<PruneBatchResult> {
  const values = PRUNE_SQL.values({
    workspaceId: options.workspaceId,
    cutoff: options.cutoff.toISOString(),
    afterReceivedAt: options.after.receivedAt,
    afterId: options.after.id,
    batch: options.batch,
  });
  const { rows } = await db.query<{ candidates: number; events: number; deliveries: number; attempts: number; lastReceivedAt: string | null; lastId: string | null }>({
    name: "retention-prune-batch",
    text: PRUNE_SQL.text,
    values,
  });
  const row = rows[0];
  return {
    candidates: row.candidates,
    events: row.events,
    deliveries: row.deliveries,
    attempts: row.attempts,
    next: row.lastReceivedAt && row.lastId ? { receivedAt: row.lastReceivedAt, id: row.lastId } : null,
  };
}
