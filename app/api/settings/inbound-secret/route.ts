import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { pasteInboundSecret } from "@/lib/inbound/paste-inbound-secret";
import { pasteSecretInputSchema } from "@/lib/inbound/schemas";
import { getInboundSecret } from "@/lib/workspaces/get-inbound-secret";

// GET /api/settings/inbound-secret — owners and admins: the current inbound secret (or URL token).
export const GET = withSessionRoute(async ({ membership }) => {
  assertCanManageWorkspace(membership);
  return Response.json(await getInboundSecret(membership.workspaceId), { headers: { "cache-control": "no-store" } });
});

// PUT /api/settings/inbound-secret — owners and admins: make a secret pasted from the vendor current; the old one verifies for 24 h more.
export const PUT = withSessionRoute(async ({ request, membership }) => {
  assertCanManageWorkspace(membership);
  const { secret } = await parseJsonBody(request, pasteSecretInputSchema);
  return Response.json(await pasteInboundSecret(membership.workspaceId, secret));
});
