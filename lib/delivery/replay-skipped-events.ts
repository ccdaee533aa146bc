import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { getEndpointOrThrow } from "@/lib/webhook-endpoints/get-endpoint-or-throw";
import type { SkippedEvents } from "@/lib/webhook-endpoints/types";
import { assertEndpointEnabled } from "./assert-endpoint-enabled";
import { wakeDeliveryWorkers } from "./wake-delivery-workers";

// The events that arrived while an endpoint was disabled got no delivery to it (ingest enqueues for
// enabled endpoints only). When it is enabled again, the period is kept on the endpoint
// (skippedFrom..skippedUntil, lib/webhook-endpoints/update-endpoint.ts) and "N events were skipped
// while disabled — replay them?" enqueues them now, oldest first, each with a delivery of its own
// (a new webhook-id: the endpoint never saw them). Which: those stored in the period, of a type it
// subscribes to, not ignored, without a delivery to it yet — the same rule as ingest's. Batches
// of REPLAY_BATCH events by keyset over (receivedAt, id), served by JobEvent's (workspaceId,
// receivedAt) index, each its own statement: a long period costs many short statements, never
// one that holds locks for long; an interrupted replay can be run again and sends nothing twice
// (the (endpointId, jobEventId) key).
const REPLAY_BATCH = 1_000;
/** The count stops here: "more than 10,000" is all a prompt needs. */
export const SKIPPED_COUNT_CAP = 10_000;
/**
 * How far past the moment of re-enabling the period reaches. An ingest statement that read the
 * endpoint as disabled just before the switch may store its events (receivedAt: the database's
 * clock, rounded to the millisecond) a little after the switch's own timestamp (the portal's
 * clock, truncated). Reaching past it is safe: every event after the switch has its delivery, and
 * an event with a delivery to the endpoint is never counted or sent again.
 */
const IN_FLIGHT_GRACE_MS = 5_000;

interface Period {
  from: Date;
  until: Date;
  /** until, plus IN_FLIGHT_GRACE_MS: where the search for events stops. */
  searchUntil: Date;
  eventTypes: string[];
}

async function periodOf(workspaceId: string, endpointId: string): Promise<Period | null> {
  const row = await prisma.webhookEndpoint.findFirst({
    where: { id: endpointId, workspaceId },
    select: { skippedFrom: true, skippedUntil: true, eventTypes: true },
  });
  if (!row?.skippedFrom || !row.skippedUntil) return null;
  return {
    from: row.skippedFrom,
    until: row.skippedUntil,
    searchUntil: new Date(row.skippedUntil.getTime() + IN_FLIGHT_GRACE_MS),
    eventTypes: row.eventTypes,
  };
}

/** How many events a replay would send (at most SKIPPED_COUNT_CAP counted). */
export async function countSkippedEvents(workspaceId: string, endpointId: string): Promise<SkippedEvents> {
  await getEndpointOrThrow(workspaceId, endpointId);
  const period = await periodOf(workspaceId, endpointId);
  if (!period) return { count: 0, atLeast: false };
  const [{ count }] = await prisma.$queryRaw<Array<{ count: number }>>`
    SELECT count(*)::int AS count FROM (
      SELECT 1 FROM "JobEvent" AS e
       WHERE e."workspaceId" = ${workspaceId}
         AND e."receivedAt" >= ${period.from.toISOString()}::timestamp(3) AND e."receivedAt" < ${period.searchUntil.toISOString()}::timestamp(3)
         AND e.disposition <> 'ignored' AND e.event = ANY (${period.eventTypes}::text[])
         AND NOT EXISTS (SELECT 1 FROM "WebhookDelivery" AS d WHERE d."endpointId" = ${endpointId} AND d."jobEventId" = e.id)
       LIMIT ${SKIPPED_COUNT_CAP + 1}
    ) AS skipped`;
  return { count: Math.min(count, SKIPPED_COUNT_CAP), atLeast: count > SKIPPED_COUNT_CAP };
}

/** Enqueues every skipped event for the endpoint, due now, then forgets the period. */
export async function replaySkippedEvents(
  workspaceId: string,
  endpointId: string,
  actor: AuditActor,
  now = new Date(),
): Promise<{ count: number }> {
  const endpoint = await getEndpointOrThrow(workspaceId, endpointId);
  assertEndpointEnabled(endpoint);
  const period = await periodOf(workspaceId, endpointId);
  let count = 0;
  if (period) {
    let after = { at: new Date(0).toISOString(), id: "" };
    for (;;) {
      const [batch] = await prisma.$queryRaw<
        Array<{ scanned: number; inserted: number; lastAt: string | null; lastId: string | null }>
      >`
        WITH batch AS (
          SELECT e.id, e."jobId", e.event, e."receivedAt" FROM "JobEvent" AS e
           WHERE e."workspaceId" = ${workspaceId}
             AND e."receivedAt" >= ${period.from.toISOString()}::timestamp(3) AND e."receivedAt" < ${period.searchUntil.toISOString()}::timestamp(3)
             AND (e."receivedAt", e.id) > (${after.at}::timestamp(3), ${after.id})
             AND e.disposition <> 'ignored' AND e.event = ANY (${period.eventTypes}::text[])
           ORDER BY e."receivedAt", e.id
           LIMIT ${REPLAY_BATCH}
        ),
        inserted AS (
          INSERT INTO "WebhookDelivery" (id, "workspaceId", "endpointId", "jobEventId", "jobId", "eventType", "messageId", "nextAttemptAt", "createdAt")
          SELECT replace(gen_random_uuid()::text, '-', ''), ${workspaceId}, ${endpointId}, b.id, b."jobId", b.event,
                 'msg_' || replace(gen_random_uuid()::text, '-', ''), ${now.toISOString()}::timestamp(3), ${now.toISOString()}::timestamp(3)
            FROM batch AS b
           ORDER BY b."receivedAt", b.id
          ON CONFLICT ("endpointId", "jobEventId") DO NOTHING
          RETURNING 1
        ),
        last AS (SELECT "receivedAt", id FROM batch ORDER BY "receivedAt" DESC, id DESC LIMIT 1)
        SELECT (SELECT count(*) FROM batch)::int AS scanned, (SELECT count(*) FROM inserted)::int AS inserted,
               (SELECT to_char("receivedAt", 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') FROM last) AS "lastAt", (SELECT id FROM last) AS "lastId"`;
      count += batch.inserted;
      if (batch.scanned < REPLAY_BATCH || !batch.lastAt || !batch.lastId) break;
      after = { at: batch.lastAt, id: batch.lastId };
    }
  }
  await prisma.$transaction(async (tx) => {
    await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, workspaceId },
      data: { skippedFrom: null, skippedUntil: null },
    });
    if (count > 0) await wakeDeliveryWorkers(tx);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "skipped_events.replayed",
      target: { type: "endpoint", id: endpointId, label: endpoint.url },
      details: { ...(period && { from: period.from.toISOString(), until: period.until.toISOString() }), count },
    });
  });
  return { count };
}

/** Forgets the period without replaying it. */
export async function dismissSkippedEvents(workspaceId: string, endpointId: string, actor: AuditActor): Promise<void> {
  const endpoint = await getEndpointOrThrow(workspaceId, endpointId);
  await prisma.$transaction(async (tx) => {
    await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, workspaceId },
      data: { skippedFrom: null, skippedUntil: null },
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "skipped_events.dismissed",
      target: { type: "endpoint", id: endpointId, label: endpoint.url },
    });
  });
}
