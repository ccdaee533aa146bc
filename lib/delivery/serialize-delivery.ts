import type { Prisma } from "@/lib/db/generated/client";
import type { AttemptView, DeliveryStatus, DeliveryView } from "@/lib/delivery/types";

// Server importers keep naming the types from here; client code imports them from lib/delivery/types.
export type { AttemptView, DeliveryStatus, DeliveryView };

// A delivery as the log shows it. `job.id` is the upstream's job id (what the job page is named by);
// the portal's own row ids of jobs and events never leave the server.
export const deliverySelect = {
  id: true,
  endpointId: true,
  eventType: true,
  messageId: true,
  status: true,
  attemptCount: true,
  nextAttemptAt: true,
  lastStatusCode: true,
  lastError: true,
  createdAt: true,
  completedAt: true,
  job: { select: { upstreamJobId: true, apiProduct: true } },
  endpoint: { select: { url: true } },
} satisfies Prisma.WebhookDeliverySelect;

export type DeliveryRow = Prisma.WebhookDeliveryGetPayload<{ select: typeof deliverySelect }>;

export function serializeDelivery(row: DeliveryRow): DeliveryView {
  const waiting = row.status === "pending" || row.status === "delivering";
  return {
    id: row.id,
    endpointId: row.endpointId,
    endpointUrl: row.endpoint.url,
    eventType: row.eventType,
    messageId: row.messageId,
    status: row.status,
    attemptCount: row.attemptCount,
    lastStatusCode: row.lastStatusCode,
    lastError: row.lastError,
    nextAttemptAt: waiting ? row.nextAttemptAt.toISOString() : null,
    createdAt: row.createdAt.toISOString(),
    completedAt: row.completedAt?.toISOString() ?? null,
    job: { id: row.job.upstreamJobId, apiProduct: row.job.apiProduct },
  };
}

export const attemptSelect = {
  id: true,
  attemptNumber: true,
  startedAt: true,
  durationMs: true,
  statusCode: true,
  responseExcerpt: true,
  error: true,
  nextRetryAt: true,
} satisfies Prisma.WebhookAttemptSelect;

export type AttemptRow = Prisma.WebhookAttemptGetPayload<{ select: typeof attemptSelect }>;

export function serializeAttempt(row: AttemptRow): AttemptView {
  return {
    id: row.id,
    attemptNumber: row.attemptNumber,
    startedAt: row.startedAt.toISOString(),
    durationMs: row.durationMs,
    statusCode: row.statusCode,
    responseExcerpt: row.responseExcerpt,
    error: row.error,
    nextRetryAt: row.nextRetryAt?.toISOString() ?? null,
  };
}
