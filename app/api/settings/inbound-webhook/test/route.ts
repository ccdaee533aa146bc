import { assertCanManageWorkspace } from "@/lib/auth/assert-role";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { testRequestInputSchema } from "@/lib/inbound/schemas";
import { testInboundRequest } from "@/lib/inbound/test-inbound-request";

// POST /api/settings/inbound-webhook/test — owners and admins: judge a pasted request as the webhook route would; stores nothing.
export const POST = withSessionRoute(async ({ request, membership }) => {
  assertCanManageWorkspace(membership);
  return Response.json(await testInboundRequest(membership.workspaceId, await parseJsonBody(request, testRequestInputSchema)), {
    headers: { "cache-control": "no-store" },
  });
});
