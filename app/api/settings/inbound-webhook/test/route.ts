import { parseJsonBody } from "@/lib/http/parse-json-body";
import { testRequestInputSchema } from "@/lib/inbound/schemas";
import { testInboundRequest } from "@/lib/inbound/test-inbound-request";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/settings/inbound-webhook/test — owners and admins: judge a pasted request as the webhook route would; stores nothing.
export const POST = withSessionRoute(
  async ({ request, membership }) =>
    Response.json(
      await testInboundRequest(membership.workspaceId, await parseJsonBody(request, testRequestInputSchema)),
    ),
  { scope: "secrets.read" },
);
