import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { getEndpointOrThrow } from "@/lib/webhook-endpoints/get-endpoint-or-throw";
import { assertEndpointEnabled } from "./assert-endpoint-enabled";
import { wakeDeliveryWorkers } from "./wake-delivery-workers";

/** The deliveries a replay resets: the endpoint's given-up ones created at or after `since`. */
function failedSince(workspaceId: string, endpointId: string, since: Date): Prisma.WebhookDeliveryWhereInput {
  return { workspaceId, endpointId, status: "failed", createdAt: { gte: since } };
}

/** How many deliveries a replay from `since` would send again; shown before it runs. */
export async function countFailedSince(
  workspaceId: string,
  endpointId: string,
  since: Date,
): Promise<{ count: number }> {
  await getEndpointOrThrow(workspaceId, endpointId);
  return { count: await prisma.webhookDelivery.count({ where: failedSince(workspaceId, endpointId, since) }) };
}

/**
 * Queues every failed delivery of the endpoint since `since` again, due now — typically after the
 * receiver was fixed — each with a fresh retry schedule. Message ids are unchanged, so receivers
 * dedupe what they had processed.
 */
export async function replayFailedSince(
  workspaceId: string,
  endpointId: string,
  since: Date,
  actor: AuditActor,
  now = new Date(),
): Promise<{ count: number }> {
  const endpoint = await getEndpointOrThrow(workspaceId, endpointId);
  assertEndpointEnabled(endpoint);
  return prisma.$transaction(async (tx) => {
    // The same rows as failedSince(), written in SQL: the new schedule counts from each row's own attemptCount.
    const count = await tx.$executeRaw`
      UPDATE "WebhookDelivery"
         SET status = 'pending', "nextAttemptAt" = ${now.toISOString()}::timestamp(3), "completedAt" = NULL, "leaseExpiresAt" = NULL,
             "retryBase" = "attemptCount"
       WHERE "workspaceId" = ${workspaceId} AND "endpointId" = ${endpointId} AND status = 'failed'
         AND "createdAt" >= ${since.toISOString()}::timestamp(3)`;
    if (count > 0) await wakeDeliveryWorkers(tx);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "deliveries.replayed",
      target: { type: "endpoint", id: endpointId, label: endpoint.url },
      details: { since: since.toISOString(), count },
    });
    return { count };
  });
}
