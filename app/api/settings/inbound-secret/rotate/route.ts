import { withSessionRoute } from "@/lib/route/with-session-route";
import { rotateInboundSecret } from "@/lib/workspaces/rotate-inbound-secret";

// POST /api/settings/inbound-secret/rotate — owners and admins: new secret; the old one verifies for 24 h more.
export const POST = withSessionRoute(
  async ({ membership }) => Response.json(await rotateInboundSecret(membership.workspaceId, membership)),
  {
    scope: "secrets.write",
  },
);
