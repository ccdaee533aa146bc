import type pg from "pg";
import { namedSql } from "@/lib/db/named-sql";

// One batch of pruning for one workspace, one short autocommit statement (its row locks last as
// long as the statement: tens of milliseconds for a batch): up to `batch` events received before
// the cutoff, after the cursor, oldest first, with their finished deliveries and those deliveries'
// attempts.
// - A delivery still pending or being delivered is never removed, nor is its event (deleting the
//   event would cascade to it): the event is kept for a later round. The DELETE of deliveries
//   names the finished states, and PostgreSQL re-checks that condition on a row changed by a
//   transaction that commits while the statement runs: one a replay turns back to pending at this
//   moment is skipped (or the replay, coming second, finds it gone). An event goes only when every
//   delivery this statement saw is among those it deleted. Deliveries are only ever inserted with
//   their own new event (lib/ingest), never for an old one, so none can appear unseen.
// - The cursor moves past kept events, so a run of them never stalls the rounds behind it.
// - Rows are found through arrays of ids (= ANY), so each DELETE is index lookups, never a scan or
//   a hash join of a whole table, whatever its size. Attempts and deliveries are deleted by the
//   statement itself, so it can say how many; the cascades of the event DELETE then find nothing
//   left (WebhookDelivery_jobEventId_idx).
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
),
candidate_ids AS (
  SELECT coalesce(array_agg(id), '{}') AS ids FROM candidates
),
gone_deliveries AS (
  DELETE FROM "WebhookDelivery" AS d
   WHERE d."jobEventId" = ANY ((SELECT ids FROM candidate_ids)::text[])
     AND d.status IN ('succeeded', 'failed')
  RETURNING d.id, d."jobEventId"
),
gone_delivery_ids AS (
  SELECT coalesce(array_agg(id), '{}') AS ids FROM gone_deliveries
),
gone_attempts AS (
  DELETE FROM "WebhookAttempt" AS a
   WHERE a."deliveryId" = ANY ((SELECT ids FROM gone_delivery_ids)::text[])
  RETURNING 1
),
-- Events with a delivery this statement saw but did not delete (the statement's snapshot still
-- shows the deleted ones: counted in, then counted out).
kept AS (
  SELECT seen.id
    FROM (SELECT d."jobEventId" AS id, 1 AS n
            FROM "WebhookDelivery" AS d
           WHERE d."jobEventId" = ANY ((SELECT ids FROM candidate_ids)::text[])
          UNION ALL
          SELECT g."jobEventId", -1 FROM gone_deliveries AS g) AS seen
   GROUP BY seen.id
  HAVING sum(seen.n) > 0
),
gone_events AS (
  DELETE FROM "JobEvent" AS e
   WHERE e.id = ANY ((SELECT ids FROM candidate_ids)::text[])
     AND e.id NOT IN (SELECT id FROM kept)
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
  const { rows } = await db.query<{
    candidates: number;
    events: number;
    deliveries: number;
    attempts: number;
    lastReceivedAt: string | null;
    lastId: string | null;
  }>({
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
