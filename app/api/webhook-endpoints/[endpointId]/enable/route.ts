import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { enableEndpoint } from "@/lib/webhook-endpoints/enable-endpoint";

// POST /api/webhook-endpoints/{endpointId}/enable — owners and admins: re-enables an endpoint the portal disabled.
export const POST = withSessionRoute<{ endpointId: string }>(async ({ membership, params }) => {
  assertCanManageWorkspace(membership);
  return Response.json({ endpoint: await enableEndpoint(membership.workspaceId, params.endpointId) });
});
