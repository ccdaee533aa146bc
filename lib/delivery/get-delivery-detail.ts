import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { DELIVERY_NOT_FOUND } from "./get-delivery-or-throw";
import { attemptSelect, deliverySelect, serializeAttempt, serializeDelivery, type AttemptView, type DeliveryView } from "./serialize-delivery";

export interface DeliveryDetail {
  delivery: DeliveryView;
  /** Every HTTP attempt, first to last. */
  attempts: AttemptView[];
  /** The event as stored (presigned output links without their signatures); `data` of what was sent. */
  payload: unknown;
}

export async function getDeliveryDetail(workspaceId: string, deliveryId: string): Promise<DeliveryDetail> {
  const row = await prisma.webhookDelivery.findFirst({
    where: { id: deliveryId, workspaceId },
    select: {
      ...deliverySelect,
      jobEvent: { select: { payload: true } },
      attempts: { select: attemptSelect, orderBy: { attemptNumber: "asc" } },
    },
  });
  if (!row) throw new ApiError("RESOURCE_NOT_FOUND", DELIVERY_NOT_FOUND);
  return { delivery: serializeDelivery(row), attempts: row.attempts.map(serializeAttempt), payload: row.jobEvent.payload };
}
