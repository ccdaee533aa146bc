import { withSessionRoute } from "@/lib/route/with-session-route";
import { enableEndpoint } from "@/lib/webhook-endpoints/enable-endpoint";

// POST /api/webhook-endpoints/{endpointId}/enable — owners and admins: re-enables an endpoint the portal disabled.
export const POST = withSessionRoute<{ endpointId: string }>(
  async ({ membership, params }) =>
    Response.json({ endpoint: await enableEndpoint(membership.workspaceId, params.endpointId, membership) }),
  { scope: "endpoints.write" },
);
