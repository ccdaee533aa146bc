import "server-only";
import { prisma } from "@/lib/db/client";
import type { Prisma } from "@/lib/db/generated/client";
import { invalidField } from "@/lib/http/api-error";
import { decodeCursor, pageOf, pastCursor } from "@/lib/jobs/cursor";
import { getEndpointOrThrow } from "@/lib/webhook-endpoints/get-endpoint-or-throw";
import { deliverySelect, serializeDelivery } from "./serialize-delivery";
import type { DeliveryPage } from "./types";

export const DELIVERIES_PAGE_SIZE = 25;

/**
 * The endpoint's delivery log, newest first, by keyset over (createdAt, id): a page stays stable
 * while new events are enqueued at the top. Served by the (endpointId, createdAt DESC) index.
 */
export async function listEndpointDeliveries(
  workspaceId: string,
  endpointId: string,
  cursor?: string,
): Promise<DeliveryPage> {
  await getEndpointOrThrow(workspaceId, endpointId);
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) throw invalidField("cursor", "not a cursor this API returned");
  const rows = await prisma.webhookDelivery.findMany({
    where: {
      workspaceId,
      endpointId,
      ...(after && pastCursor<Prisma.WebhookDeliveryWhereInput>("createdAt", after)),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERIES_PAGE_SIZE + 1,
    select: deliverySelect,
  });
  const { page, nextCursor } = pageOf(rows, DELIVERIES_PAGE_SIZE, (row) => row);
  return { deliveries: page.map(serializeDelivery), nextCursor };
}
