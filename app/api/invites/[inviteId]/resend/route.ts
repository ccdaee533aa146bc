import { resendInvite } from "@/lib/members/resend-invite";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/invites/{inviteId}/resend — owners and admins: a new link for 7 more days (the old one stops working), mailed again.
export const POST = withSessionRoute<{ inviteId: string }>(
  async ({ membership, params }) =>
    Response.json(await resendInvite(membership.workspaceId, params.inviteId, membership)),
  { scope: "members.write" },
);
