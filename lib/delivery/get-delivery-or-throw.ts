import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { type DeliveryRow, deliverySelect } from "./serialize-delivery";

export const DELIVERY_NOT_FOUND = "Delivery not found";

/** A workspace's delivery; another workspace's delivery is indistinguishable from none. */
export async function getDeliveryOrThrow(workspaceId: string, deliveryId: string): Promise<DeliveryRow> {
  const delivery = await prisma.webhookDelivery.findFirst({
    where: { id: deliveryId, workspaceId },
    select: deliverySelect,
  });
  if (!delivery) throw new ApiError("RESOURCE_NOT_FOUND", DELIVERY_NOT_FOUND);
  return delivery;
}
