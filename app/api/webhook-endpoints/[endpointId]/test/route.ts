import { testEventBodySchema } from "@/lib/delivery/schemas";
import { sendTestEvent } from "@/lib/delivery/send-test-event";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/webhook-endpoints/{endpointId}/test {eventType?, jobId?} — owners, admins and developers: sends a signed test event now, answers how the receiver replied.
export const POST = withSessionRoute<{ endpointId: string }>(
  async ({ request, membership, params }) =>
    Response.json(
      await sendTestEvent(membership.workspaceId, params.endpointId, await parseJsonBody(request, testEventBodySchema)),
    ),
  { scope: "deliveries.write" },
);
