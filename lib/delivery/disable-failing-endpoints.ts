import { namedSql } from "@/lib/db/named-sql";
import type { Queryable } from "./claim-deliveries";
import { FAILING_DISABLE_AFTER_MS, FAILING_DISABLED_REASON } from "./retry-schedule";

// The five-day disable, checked by the worker loop: an endpoint whose deliveries have all failed
// since `failingSince` is disabled once five days have passed, whether or not anything is still
// being retried. Outcome recording disables it too (record-outcome.ts), but only when an attempt
// happens then — and a delivery stops after its last scheduled attempt (about 28 hours), so with
// no new events an endpoint failing since Monday would otherwise stay "failing" forever.
// Its pending deliveries are failed with the reason, as when an attempt disables it. Endpoints are
// locked in id order, as outcome recording locks them, so the two never deadlock.
const SWEEP_SQL = namedSql<{
  now: string;
  failingBefore: string;
  workspaceIds: readonly string[] | null;
  reason: string;
}>(`
WITH
due AS (
  SELECT id FROM "WebhookEndpoint"
   WHERE enabled AND "failingSince" <= :failingBefore::timestamp(3)
     AND (:workspaceIds::text[] IS NULL OR "workspaceId" = ANY (:workspaceIds::text[]))
   ORDER BY id
   FOR UPDATE SKIP LOCKED
),
disabled AS (
  UPDATE "WebhookEndpoint" AS ep
     SET enabled = false, "disabledReason" = :reason, "disabledAt" = :now::timestamp(3), "updatedAt" = :now::timestamp(3)
    FROM due
   WHERE ep.id = due.id
  RETURNING ep.id, ep."workspaceId"
),
failed AS (
  UPDATE "WebhookDelivery" AS d
     SET status = 'failed', "completedAt" = :now::timestamp(3), "lastError" = 'Endpoint disabled: ' || :reason
    FROM disabled
   WHERE d."endpointId" = disabled.id AND d.status = 'pending'
)
SELECT id, "workspaceId" FROM disabled
`);

export async function disableFailingEndpoints(
  db: Queryable,
  nowMs: number,
  workspaceIds: readonly string[] | null = null,
): Promise<Array<{ id: string; workspaceId: string }>> {
  const values = SWEEP_SQL.values({
    now: new Date(nowMs).toISOString(),
    failingBefore: new Date(nowMs - FAILING_DISABLE_AFTER_MS).toISOString(),
    workspaceIds,
    reason: FAILING_DISABLED_REASON,
  });
  const { rows } = await db.query<{ id: string; workspaceId: string }>({
    name: "delivery-disable-failing",
    text: SWEEP_SQL.text,
    values,
  });
  return rows;
}
