import { updateAlertConfig } from "@/lib/alerts/alert-config";
import { alertConfigSchema } from "@/lib/alerts/schemas";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/route/with-session-route";

// PUT /api/alerts/config — owners and admins: which alerts fire and where they go (emails, a Slack-compatible webhook URL).
export const PUT = withSessionRoute(
  async ({ request, membership }) =>
    Response.json(await updateAlertConfig(membership.workspaceId, await parseJsonBody(request, alertConfigSchema))),
  { scope: "alerts.write" },
);
