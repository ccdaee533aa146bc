import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { getInboundSecret } from "@/lib/workspaces/get-inbound-secret";

// GET /api/settings/inbound-secret — owners and admins: the current inbound secret (or, under url_token, the URL token).
export const GET = withSessionRoute(async ({ membership }) => {
  assertCanManageWorkspace(membership);
  return Response.json(await getInboundSecret(membership.workspaceId), { headers: { "cache-control": "no-store" } });
});
