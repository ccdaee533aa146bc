import { listEndpointDeliveries } from "@/lib/delivery/list-endpoint-deliveries";
import { deliveriesQuerySchema } from "@/lib/delivery/schemas";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/webhook-endpoints/{endpointId}/deliveries?cursor= — any member: the delivery log, newest first.
export const GET = withSessionRoute<{ endpointId: string }>(
  async ({ request, membership, params }) => {
    const { cursor } = parseSearchParams(request, deliveriesQuerySchema);
    return Response.json(await listEndpointDeliveries(membership.workspaceId, params.endpointId, cursor));
  },
  { scope: "deliveries.read" },
);
