import { withSessionRoute } from "@/lib/route/with-session-route";
import { revealEndpointSecret } from "@/lib/webhook-endpoints/reveal-endpoint-secret";

// GET /api/webhook-endpoints/{endpointId}/secret — owners and admins: the current `whsec_` signing secret.
export const GET = withSessionRoute<{ endpointId: string }>(
  async ({ membership, params }) =>
    Response.json(await revealEndpointSecret(membership.workspaceId, params.endpointId, membership)),
  { scope: "secrets.read" },
);
