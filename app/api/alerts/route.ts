import { getAlertConfig } from "@/lib/alerts/alert-config";
import { listAlerts } from "@/lib/alerts/list-alerts";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/alerts — any member: the workspace's alert rules (never the chat webhook URL) and its alert history.
export const GET = withSessionRoute(
  async ({ membership }) => {
    const [config, alerts] = await Promise.all([
      getAlertConfig(membership.workspaceId),
      listAlerts(membership.workspaceId),
    ]);
    return Response.json({ config, alerts });
  },
  { scope: "alerts.read" },
);
