import { getPublicOrigin } from "@/lib/http/get-public-origin";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { getInboundWebhook } from "@/lib/inbound/get-inbound-webhook";
import { updateVerificationInputSchema } from "@/lib/inbound/schemas";
import { updateVerification } from "@/lib/inbound/update-verification";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/settings/inbound-webhook — owners and admins: the inbound URL (token as a placeholder) and how requests are verified.
export const GET = withSessionRoute(
  async ({ request, membership }) =>
    Response.json(await getInboundWebhook(membership.workspaceId, getPublicOrigin(request.headers))),
  { scope: "connection.read" },
);

// PUT /api/settings/inbound-webhook — owners and admins: the verification profile and, optionally, the vendor's secret.
export const PUT = withSessionRoute(
  async ({ request, membership }) => {
    await updateVerification(
      membership.workspaceId,
      await parseJsonBody(request, updateVerificationInputSchema),
      membership,
    );
    return Response.json(await getInboundWebhook(membership.workspaceId, getPublicOrigin(request.headers)));
  },
  { scope: "connection.write" },
);
