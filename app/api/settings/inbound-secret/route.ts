import { withSessionRoute } from "@/lib/route/with-session-route";
import { getInboundSecret } from "@/lib/workspaces/get-inbound-secret";

// GET /api/settings/inbound-secret — owners and admins: the current inbound secret (or, under url_token, the URL token).
export const GET = withSessionRoute(
  async ({ membership }) => Response.json(await getInboundSecret(membership.workspaceId, membership)),
  {
    scope: "secrets.read",
  },
);
