import { withSessionRoute } from "@/lib/route/with-session-route";
import { getDeliveryDetail } from "@/lib/webhook-endpoints/get-delivery-detail";

// GET /api/deliveries/{deliveryId} — any member: one delivery with every attempt.
export const GET = withSessionRoute<{ deliveryId: string }>(
  async ({ membership, params }) => Response.json(await getDeliveryDetail(membership.workspaceId, params.deliveryId)),
  { scope: "deliveries.read" },
);
