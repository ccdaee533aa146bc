import { withSessionRoute } from "@/lib/route/with-session-route";
import { checkUpstreamConnection } from "@/lib/workspaces/check-upstream-connection";

// POST /api/settings/connection/test — owners and admins: calls the upstream with the saved key, says how it went.
export const POST = withSessionRoute(
  async ({ membership }) => Response.json(await checkUpstreamConnection(membership.workspaceId)),
  {
    scope: "connection.read",
  },
);
