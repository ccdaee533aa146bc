import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { withSessionRoute } from "@/lib/route/with-session-route";

// DELETE /api/api-keys/{keyId} — members whose role may write API keys (owners, admins): revokes the key at once.
export const DELETE = withSessionRoute<{ keyId: string }>(
  async ({ membership, params }) => Response.json({ apiKey: await revokeApiKey(membership.workspaceId, params.keyId) }),
  { scope: "apiKeys.write" },
);
