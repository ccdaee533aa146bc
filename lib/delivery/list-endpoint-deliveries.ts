import { prisma } from "@/lib/db/client";
import { invalidField } from "@/lib/http/api-error";
import { decodeCursor, encodeCursor } from "@/lib/jobs/cursor";
import { getEndpointOrThrow } from "@/lib/webhook-endpoints/get-endpoint-or-throw";
import { deliverySelect, serializeDelivery, type DeliveryView } from "./serialize-delivery";

export const DELIVERIES_PAGE_SIZE = 25;

export interface DeliveryPage {
  deliveries: DeliveryView[];
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/**
 * The endpoint's delivery log, newest first, by keyset over (createdAt, id): a page stays stable
 * while new events are enqueued at the top. Served by the (endpointId, createdAt DESC) index.
 */
export async function listEndpointDeliveries(workspaceId: string, endpointId: string, cursor?: string): Promise<DeliveryPage> {
  await getEndpointOrThrow(workspaceId, endpointId);
  const after = cursor ? decodeCursor(cursor) : null;
  if (cursor && !after) throw invalidField("cursor", "not a cursor this API returned");
  const rows = await prisma.webhookDelivery.findMany({
    where: {
      workspaceId,
      endpointId,
      ...(after && {
        OR: [{ createdAt: { lt: after.createdAt } }, { createdAt: after.createdAt, id: { lt: after.id } }],
      }),
    },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: DELIVERIES_PAGE_SIZE + 1,
    select: deliverySelect,
  });
  const page = rows.slice(0, DELIVERIES_PAGE_SIZE);
  const last = page[page.length - 1];
  return {
    deliveries: page.map(serializeDelivery),
    nextCursor: rows.length > DELIVERIES_PAGE_SIZE && last ? encodeCursor({ createdAt: last.createdAt, id: last.id }) : null,
  };
}
