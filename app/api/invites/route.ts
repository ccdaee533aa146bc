import { parseJsonBody } from "@/lib/http/parse-json-body";
import { inviteMember } from "@/lib/members/invite-member";
import { inviteInputSchema } from "@/lib/members/schemas";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/invites {email, role} — owners and admins: a 7-day single-use invite link, returned to copy and mailed when EMAIL_SERVER is set.
export const POST = withSessionRoute(
  async ({ request, membership }) =>
    Response.json(
      await inviteMember(membership.workspaceId, await parseJsonBody(request, inviteInputSchema), membership),
      { status: 201 },
    ),
  { scope: "members.write" },
);
