import { getDeliveryDetail } from "@/lib/delivery/get-delivery-detail";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/deliveries/{deliveryId} — any member: one delivery with every attempt.
export const GET = withSessionRoute<{ deliveryId: string }>(
  async ({ membership, params }) => Response.json(await getDeliveryDetail(membership.workspaceId, params.deliveryId)),
  { scope: "deliveries.read" },
);
