import { resendDelivery } from "@/lib/delivery/resend-delivery";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/deliveries/{deliveryId}/resend — owners, admins and developers: queues the delivery again now, same webhook-id.
export const POST = withSessionRoute<{ deliveryId: string }>(
  async ({ membership, params }) =>
    Response.json({ delivery: await resendDelivery(membership.workspaceId, params.deliveryId, membership) }),
  { scope: "deliveries.write" },
);
