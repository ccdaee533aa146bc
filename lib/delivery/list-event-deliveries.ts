import "server-only";
import { prisma } from "@/lib/db/client";
import type { EventDelivery, TimelineAttempt } from "./types";

// The job page's second hop: what became of each event at each endpoint. Bounded whatever the job
// holds — a page of events has at most one delivery per endpoint each (the workspace's endpoint
// cap), TIMELINE_MAX_DELIVERIES in all, and only the latest attempts of each (resends can make
// many; the delivery's own log has them all). Two queries: the deliveries, then their latest
// attempts through the (deliveryId, attemptNumber) index, one descent per delivery.
export const TIMELINE_ATTEMPTS_PER_DELIVERY = 3;
export const TIMELINE_MAX_DELIVERIES = 1_000;

interface AttemptRow {
  id: string;
  deliveryId: string;
  attemptNumber: number;
  startedAt: Date;
  durationMs: number;
  statusCode: number | null;
  error: string | null;
  nextRetryAt: Date | null;
}

function serializeAttempt(row: AttemptRow): TimelineAttempt {
  return {
    id: row.id,
    attemptNumber: row.attemptNumber,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    statusCode: row.statusCode,
    error: row.error,
    nextRetryAt: row.nextRetryAt?.toISOString() ?? null,
  };
}

/** The deliveries of these events (of one job) by event id, oldest first, each with its latest attempts. */
export async function listEventDeliveries(
  workspaceId: string,
  jobRowId: string,
  eventIds: readonly string[],
): Promise<Map<string, EventDelivery[]>> {
  const byEvent = new Map<string, EventDelivery[]>();
  if (eventIds.length === 0) return byEvent;
  const deliveries = await prisma.webhookDelivery.findMany({
    where: { workspaceId, jobId: jobRowId, jobEventId: { in: [...eventIds] } },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    take: TIMELINE_MAX_DELIVERIES,
    select: {
      id: true,
      jobEventId: true,
      endpointId: true,
      messageId: true,
      status: true,
      attemptCount: true,
      nextAttemptAt: true,
      lastError: true,
      endpoint: { select: { url: true } },
    },
  });
  if (deliveries.length === 0) return byEvent;
  const attempts = await prisma.$queryRaw<AttemptRow[]>`
    SELECT a.id, a."deliveryId", a."attemptNumber", a."startedAt", a."durationMs", a."statusCode", a.error, a."nextRetryAt"
      FROM unnest(${deliveries.map((delivery) => delivery.id)}::text[]) AS d(id)
     CROSS JOIN LATERAL (
       SELECT * FROM "WebhookAttempt" WHERE "deliveryId" = d.id ORDER BY "attemptNumber" DESC LIMIT ${TIMELINE_ATTEMPTS_PER_DELIVERY}
     ) AS a`;
  const attemptsOf = new Map<string, TimelineAttempt[]>();
  for (const row of [...attempts].sort((a, b) => a.attemptNumber - b.attemptNumber)) {
    const list = attemptsOf.get(row.deliveryId) ?? [];
    list.push(serializeAttempt(row));
    attemptsOf.set(row.deliveryId, list);
  }
  for (const delivery of deliveries) {
    const waiting = delivery.status === "pending" || delivery.status === "delivering";
    const list = byEvent.get(delivery.jobEventId) ?? [];
    list.push({
      id: delivery.id,
      endpointId: delivery.endpointId,
      endpointUrl: delivery.endpoint.url,
      messageId: delivery.messageId,
      status: delivery.status,
      attemptCount: delivery.attemptCount,
      nextAttemptAt: waiting ? delivery.nextAttemptAt.toISOString() : null,
      lastError: delivery.lastError,
      attempts: attemptsOf.get(delivery.id) ?? [],
    });
    byEvent.set(delivery.jobEventId, list);
  }
  return byEvent;
}
