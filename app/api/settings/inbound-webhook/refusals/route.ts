import { canManageWorkspace } from "@/lib/auth/assert-role";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { listRefusals } from "@/lib/inbound/list-refusals";

// GET /api/settings/inbound-webhook/refusals — any member: the last 50 refused requests; signature details for owners and admins.
export const GET = withSessionRoute(async ({ membership }) =>
  Response.json(await listRefusals(membership.workspaceId, { withSignature: canManageWorkspace(membership) }), {
    headers: { "cache-control": "no-store" },
  }),
);
