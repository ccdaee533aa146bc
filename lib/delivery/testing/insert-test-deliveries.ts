import { randomUUID } from "node:crypto";
import { seal } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import type { DeliveryStatus } from "@/lib/db/generated/client";

// Integration-test support: endpoints, jobs, events and deliveries written straight to the tables
// (enqueueing and delivering are tested with the ingest and the worker).
const id = (prefix: string) => `${prefix}_${randomUUID().replace(/-/g, "").slice(0, 16)}`;

export async function insertTestEndpoint(
  workspaceId: string,
  data: { enabled?: boolean; disabledReason?: string } = {},
): Promise<string> {
  const endpoint = await prisma.webhookEndpoint.create({
    data: {
      workspaceId,
      url: "https://1.1.1.1/hooks",
      eventTypes: ["job.created", "job.completed"],
      secretEnc: seal("whsec_dGVzdC1zZWNyZXQ="),
      enabled: data.enabled ?? true,
      disabledReason: data.disabledReason ?? null,
    },
    select: { id: true },
  });
  return endpoint.id;
}

/** A job with `eventCount` events (each can have one delivery per endpoint); returns the ids. */
export async function insertTestJob(workspaceId: string, eventCount: number) {
  const upstreamJobId = id("job");
  const createdAt = new Date();
  const job = await prisma.job.create({
    data: {
      workspaceId,
      upstreamJobId,
      apiProduct: "transcribe",
      status: "created",
      state: "in_progress",
      createdAt,
      updatedAt: createdAt,
    },
    select: { id: true },
  });
  const eventIds = Array.from({ length: eventCount }, () => id("ev"));
  await prisma.jobEvent.createMany({
    data: eventIds.map((eventId, index) => ({
      id: eventId,
      workspaceId,
      jobId: job.id,
      webhookId: id("msg_in"),
      event: index === 0 ? "job.created" : "job.processing",
      status: index === 0 ? "created" : "transcribing",
      occurredAt: createdAt,
      disposition: "applied" as const,
      payload: { event: index === 0 ? "job.created" : "job.processing", data: { jobId: upstreamJobId } },
    })),
  });
  return { jobId: job.id, upstreamJobId, eventIds };
}

export interface TestDelivery {
  endpointId: string;
  jobId: string;
  jobEventId: string;
  status: DeliveryStatus;
  createdAt: Date;
  attempts?: Array<{ statusCode: number | null; error?: string }>;
  /** Default: one per attempt; one more for an attempt under way (`delivering`). */
  attemptCount?: number;
}

export async function insertTestDelivery(workspaceId: string, delivery: TestDelivery): Promise<string> {
  const attempts = delivery.attempts ?? [];
  const last = attempts[attempts.length - 1];
  const row = await prisma.webhookDelivery.create({
    data: {
      workspaceId,
      endpointId: delivery.endpointId,
      jobId: delivery.jobId,
      jobEventId: delivery.jobEventId,
      eventType: "job.created",
      messageId: id("msg"),
      status: delivery.status,
      attemptCount: delivery.attemptCount ?? attempts.length,
      nextAttemptAt: new Date(delivery.createdAt.getTime() + 3_600_000),
      lastStatusCode: last?.statusCode ?? null,
      // As an attempt records it: an error, or the status of an answer that was not 2xx.
      lastError: last?.error ?? (last?.statusCode && last.statusCode >= 300 ? `HTTP ${last.statusCode}` : null),
      createdAt: delivery.createdAt,
      completedAt: delivery.status === "succeeded" || delivery.status === "failed" ? delivery.createdAt : null,
      attempts: {
        create: attempts.map((attempt, index) => ({
          attemptNumber: index + 1,
          startedAt: new Date(delivery.createdAt.getTime() + index * 1000),
          durationMs: 40 + index,
          statusCode: attempt.statusCode,
          responseExcerpt: attempt.statusCode ? `answer ${index + 1}` : null,
          error: attempt.error ?? null,
        })),
      },
    },
    select: { id: true },
  });
  return row.id;
}
