import { hasScope } from "@/lib/auth/roles";
import { listRefusals } from "@/lib/inbound/list-refusals";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/settings/inbound-webhook/refusals — owners and admins: the last 50 refused requests; signature details for those who may read secrets.
export const GET = withSessionRoute(
  async ({ membership }) =>
    Response.json(
      await listRefusals(membership.workspaceId, { withSignature: hasScope(membership.role, "secrets.read") }),
    ),
  { scope: "connection.read" },
);
