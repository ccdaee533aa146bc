import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertEndpointEnabled } from "./assert-endpoint-enabled";
import { getDeliveryOrThrow } from "./get-delivery-or-throw";
import { type DeliveryView, serializeDelivery } from "./serialize-delivery";
import { wakeDeliveryWorkers } from "./wake-delivery-workers";

/**
 * Queues one delivery again, due now. The messageId (the `webhook-id` header) stays the same so a
 * receiver that already processed the event can recognise it; attemptCount is kept so attempt
 * numbers go on from where they were. A finished delivery (failed — perhaps after every attempt —
 * or succeeded) starts a fresh retry schedule: retryBase moves to its attempt count. A pending one
 * is only brought forward and keeps its place in the schedule.
 */
export async function resendDelivery(
  workspaceId: string,
  deliveryId: string,
  actor: AuditActor,
  now = new Date(),
): Promise<DeliveryView> {
  const delivery = await getDeliveryOrThrow(workspaceId, deliveryId);
  const endpoint = await prisma.webhookEndpoint.findFirstOrThrow({
    where: { id: delivery.endpointId, workspaceId },
    select: { enabled: true },
  });
  assertEndpointEnabled(endpoint);
  const reset = await prisma.$transaction(async (tx) => {
    // A delivery a worker holds is not reset under it: the worker's outcome would overwrite ours.
    const count = await tx.$executeRaw`
      UPDATE "WebhookDelivery"
         SET status = 'pending', "nextAttemptAt" = ${now.toISOString()}::timestamp(3), "completedAt" = NULL, "leaseExpiresAt" = NULL,
             "retryBase" = CASE WHEN status IN ('failed', 'succeeded') THEN "attemptCount" ELSE "retryBase" END
       WHERE id = ${deliveryId} AND "workspaceId" = ${workspaceId} AND status <> 'delivering'`;
    if (count > 0) {
      await wakeDeliveryWorkers(tx);
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "delivery.resent",
        target: { type: "delivery", id: deliveryId, label: `${delivery.eventType} → ${delivery.endpoint.url}` },
        details: { endpointId: delivery.endpointId, jobId: delivery.job.upstreamJobId },
      });
    }
    return count;
  });
  if (reset === 0) throw new ApiError("CONFLICT", "This delivery is being attempted right now; try again in a moment");
  return serializeDelivery(await getDeliveryOrThrow(workspaceId, deliveryId));
}
