import { withSessionRoute } from "@/lib/route/with-session-route";
import { rotateEndpointSecret } from "@/lib/webhook-endpoints/rotate-endpoint-secret";

// POST /api/webhook-endpoints/{endpointId}/secret/rotate — owners and admins: new secret; the old one signs too for 24 h.
export const POST = withSessionRoute<{ endpointId: string }>(
  async ({ membership, params }) =>
    Response.json(await rotateEndpointSecret(membership.workspaceId, params.endpointId, membership)),
  { scope: "secrets.write" },
);
