import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { resendDelivery } from "@/lib/webhook-endpoints/resend-delivery";

// POST /api/deliveries/{deliveryId}/resend — owners and admins: queues the delivery again now, same webhook-id.
export const POST = withSessionRoute<{ deliveryId: string }>(async ({ membership, params }) => {
  assertCanManageWorkspace(membership);
  return Response.json({ delivery: await resendDelivery(membership.workspaceId, params.deliveryId) });
});
