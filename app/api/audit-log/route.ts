import { listAuditLog } from "@/lib/audit/list-audit-log";
import { auditLogQuerySchema } from "@/lib/audit/schemas";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/audit-log?actor=&action=&cursor=&limit= — owners and admins: the workspace's audit log, newest first.
export const GET = withSessionRoute(
  async ({ request, membership }) =>
    Response.json(await listAuditLog(membership.workspaceId, parseSearchParams(request, auditLogQuerySchema))),
  { scope: "audit.read" },
);
