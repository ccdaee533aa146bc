import { parseJsonBody } from "@/lib/http/parse-json-body";
import { changeMemberRole } from "@/lib/members/change-member-role";
import { removeMember } from "@/lib/members/remove-member";
import { changeRoleInputSchema } from "@/lib/members/schemas";
import { withSessionRoute } from "@/lib/route/with-session-route";

type Params = { userId: string };

// PATCH /api/members/{userId} {role} — owners and admins: another member's role, below owner.
export const PATCH = withSessionRoute<Params>(
  async ({ request, membership, params }) => {
    const { role } = await parseJsonBody(request, changeRoleInputSchema);
    return Response.json({ member: await changeMemberRole(membership.workspaceId, params.userId, role, membership) });
  },
  { scope: "members.write" },
);

// DELETE /api/members/{userId} — owners and admins: removes a member below the owner.
export const DELETE = withSessionRoute<Params>(
  async ({ membership, params }) => {
    await removeMember(membership.workspaceId, params.userId, membership);
    return new Response(null, { status: 204 });
  },
  { scope: "members.write" },
);
