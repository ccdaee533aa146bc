import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { rotateInboundSecret } from "@/lib/workspaces/rotate-inbound-secret";

// POST /api/settings/inbound-secret/rotate — owners and admins: new secret; the old one verifies for 24 h more.
export const POST = withSessionRoute(async ({ membership }) => {
  assertCanManageWorkspace(membership);
  return Response.json(await rotateInboundSecret(membership.workspaceId));
});
