import type { Prisma } from "@/lib/db/generated/client";

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

export type DeliveryStatus = DeliveryRow["status"];

export interface DeliveryView {
  id: string;
  endpointId: string;
  endpointUrl: string;
  eventType: string;
  /** The `webhook-id` of every attempt, resends included: receivers dedupe on it. */
  messageId: string;
  status: DeliveryStatus;
  attemptCount: number;
  lastStatusCode: number | null;
  lastError: string | null;
  /** When the next attempt is due; null once the delivery succeeded or was given up. */
  nextAttemptAt: string | null;
  createdAt: string;
  completedAt: string | null;
  job: { id: string; apiProduct: string };
}

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

export interface AttemptView {
  id: string;
  attemptNumber: number;
  startedAt: string;
  durationMs: number;
  statusCode: number | null;
  responseExcerpt: string | null;
  error: string | null;
  nextRetryAt: string | null;
}

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
