import { hasScope } from "@/lib/auth/roles";
import { listInvites, listMembers } from "@/lib/members/list-members";
import type { MembersResponse } from "@/lib/members/types";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/members — any member: the workspace's members with role and last activity; pending invites for owners and admins.
export const GET = withSessionRoute(
  async ({ membership }) => {
    const [members, invites] = await Promise.all([
      listMembers(membership.workspaceId),
      hasScope(membership.role, "members.write") ? listInvites(membership.workspaceId) : null,
    ]);
    return Response.json({ members, invites } satisfies MembersResponse);
  },
  { scope: "members.read" },
);
