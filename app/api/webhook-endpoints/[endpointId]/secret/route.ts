import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { revealEndpointSecret } from "@/lib/webhook-endpoints/reveal-endpoint-secret";

// GET /api/webhook-endpoints/{endpointId}/secret — owners and admins: the current `whsec_` signing secret.
export const GET = withSessionRoute<{ endpointId: string }>(async ({ membership, params }) => {
  assertCanManageWorkspace(membership);
  return Response.json(await revealEndpointSecret(membership.workspaceId, params.endpointId), {
    headers: { "cache-control": "no-store" },
  });
});
