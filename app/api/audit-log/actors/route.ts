import { listAuditActors } from "@/lib/audit/list-audit-log";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/audit-log/actors — owners and admins: everyone who appears in the audit log, for its filter.
export const GET = withSessionRoute(
  async ({ membership }) => Response.json(await listAuditActors(membership.workspaceId)),
  { scope: "audit.read" },
);
