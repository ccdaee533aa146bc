import { sendTestEvent } from "@/lib/delivery/send-test-event";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/webhook-endpoints/{endpointId}/test — owners, admins and developers: sends a signed test event now, answers how the receiver replied.
export const POST = withSessionRoute<{ endpointId: string }>(
  async ({ membership, params }) => Response.json(await sendTestEvent(membership.workspaceId, params.endpointId)),
  { scope: "deliveries.write" },
);
