import { revokeInvite } from "@/lib/members/revoke-invite";
import { withSessionRoute } from "@/lib/route/with-session-route";

// DELETE /api/invites/{inviteId} — owners and admins: revokes a pending invite; its link stops working.
export const DELETE = withSessionRoute<{ inviteId: string }>(
  async ({ membership, params }) => {
    await revokeInvite(membership.workspaceId, params.inviteId, membership);
    return new Response(null, { status: 204 });
  },
  { scope: "members.write" },
);
