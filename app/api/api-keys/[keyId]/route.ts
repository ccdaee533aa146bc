import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { withSessionRoute } from "@/lib/http/with-session-route";

// DELETE /api/api-keys/{keyId} — workspace owners and admins: revokes the key at once.
export const DELETE = withSessionRoute<{ keyId: string }>(async ({ membership, params }) => {
  assertCanManageWorkspace(membership);
  return Response.json({ apiKey: await revokeApiKey(membership.workspaceId, params.keyId) });
});
