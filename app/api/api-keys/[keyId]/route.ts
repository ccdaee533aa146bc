import { revokeApiKey } from "@/lib/api-keys/revoke-api-key";
import { hasScope } from "@/lib/auth/roles";
import { withSessionRoute } from "@/lib/route/with-session-route";

// DELETE /api/api-keys/{keyId} — owners and admins: any key; developers: keys they created. Revokes the key at once.
export const DELETE = withSessionRoute<{ keyId: string }>(
  async ({ membership, params }) =>
    Response.json({
      apiKey: await revokeApiKey(membership.workspaceId, params.keyId, membership, {
        anyKey: hasScope(membership.role, "apiKeys.manage"),
      }),
    }),
  { scope: "apiKeys.write" },
);
