import { parseSearchParams } from "@/lib/http/parse-search-params";
import { withSessionRoute } from "@/lib/route/with-session-route";
import { listEndpointDeliveries } from "@/lib/webhook-endpoints/list-endpoint-deliveries";
import { deliveriesQuerySchema } from "@/lib/webhook-endpoints/schemas";

// GET /api/webhook-endpoints/{endpointId}/deliveries?cursor= — any member: the delivery log, newest first.
export const GET = withSessionRoute<{ endpointId: string }>(
  async ({ request, membership, params }) => {
    const { cursor } = parseSearchParams(request, deliveriesQuerySchema);
    return Response.json(await listEndpointDeliveries(membership.workspaceId, params.endpointId, cursor));
  },
  { scope: "deliveries.read" },
);
