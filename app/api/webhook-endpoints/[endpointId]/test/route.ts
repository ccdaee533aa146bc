import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { sendTestEvent } from "@/lib/delivery/send-test-event";
import { withSessionRoute } from "@/lib/http/with-session-route";

// POST /api/webhook-endpoints/{endpointId}/test — owners and admins: sends a signed test event now, answers how the receiver replied.
export const POST = withSessionRoute<{ endpointId: string }>(async ({ membership, params }) => {
  assertCanManageWorkspace(membership);
  return Response.json(await sendTestEvent(membership.workspaceId, params.endpointId));
});
