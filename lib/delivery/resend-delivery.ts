import "server-only";
import { recordAudit, type AuditActor } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertEndpointEnabled } from "./assert-endpoint-enabled";
import { getDeliveryOrThrow } from "./get-delivery-or-throw";
import { serializeDelivery, type DeliveryView } from "./serialize-delivery";
import { wakeDeliveryWorkers } from "./wake-delivery-workers";

/**
 * Queues one delivery again, due now. The messageId (the `webhook-id` header) stays the same so a
 * receiver that already processed the event can recognise it; attemptCount is kept so attempt
 * numbers go on from where they were.
 */
export async function resendDelivery(workspaceId: string, deliveryId: string, actor: AuditActor, now = new Date()): Promise<DeliveryView> {
  const delivery = await getDeliveryOrThrow(workspaceId, deliveryId);
  const endpoint = await prisma.webhookEndpoint.findFirstOrThrow({ where: { id: delivery.endpointId, workspaceId }, select: { enabled: true } });
  assertEndpointEnabled(endpoint);
  const reset = await prisma.$transaction(async (tx) => {
    // A delivery a worker holds is not reset under it: the worker's outcome would overwrite ours.
    const updated = await tx.webhookDelivery.updateMany({
      where: { id: deliveryId, workspaceId, status: { not: "delivering" } },
      data: { status: "pending", nextAttemptAt: now, completedAt: null, leaseExpiresAt: null },
    });
    if (updated.count > 0) {
      await wakeDeliveryWorkers(tx);
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "delivery.resent",
        target: { type: "delivery", id: deliveryId, label: `${delivery.eventType} → ${delivery.endpoint.url}` },
        details: { endpointId: delivery.endpointId, jobId: delivery.job.upstreamJobId },
      });
    }
    return updated.count;
  });
  if (reset === 0) throw new ApiError("CONFLICT", "This delivery is being attempted right now; try again in a moment");
  return serializeDelivery(await getDeliveryOrThrow(workspaceId, deliveryId));
}
