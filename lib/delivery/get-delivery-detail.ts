import "server-only";
import { prisma } from "@/lib/db/client";
import type { DeliveryDetail } from "@/lib/delivery/types";
import { ApiError } from "@/lib/http/api-error";
import { DELIVERY_NOT_FOUND } from "./get-delivery-or-throw";
import { attemptSelect, deliverySelect, serializeAttempt, serializeDelivery } from "./serialize-delivery";

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
  return {
    delivery: serializeDelivery(row),
    attempts: row.attempts.map(serializeAttempt),
    payload: row.jobEvent.payload,
  };
}
