import { leaveWorkspace } from "@/lib/members/leave-workspace";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/workspace/leave — any member but the owner: leaves the workspace.
export const POST = withSessionRoute(
  async ({ membership }) => {
    await leaveWorkspace(membership.workspaceId, membership);
    return new Response(null, { status: 204 });
  },
  { scope: "members.read" },
);
