import { parseJsonBody } from "@/lib/http/parse-json-body";
import { getRetention } from "@/lib/retention/get-retention";
import { retentionInputSchema } from "@/lib/retention/schemas";
import { updateRetention } from "@/lib/retention/update-retention";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/settings/retention — any member: how many days events, deliveries and attempts are kept.
export const GET = withSessionRoute(
  async ({ membership }) => Response.json(await getRetention(membership.workspaceId)),
  { scope: "jobs.read" },
);

// PUT /api/settings/retention — owners and admins (audited): {"days"} (1–3650); older history is removed at the workers' next pruning round.
export const PUT = withSessionRoute(
  async ({ request, membership }) => {
    await updateRetention(membership.workspaceId, await parseJsonBody(request, retentionInputSchema), membership);
    return new Response(null, { status: 204 });
  },
  { scope: "retention.write" },
);
