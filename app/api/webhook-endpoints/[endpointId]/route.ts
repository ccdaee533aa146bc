import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/route/with-session-route";
import { deleteEndpoint } from "@/lib/webhook-endpoints/delete-endpoint";
import { getEndpoint } from "@/lib/webhook-endpoints/get-endpoint";
import { updateEndpointSchema } from "@/lib/webhook-endpoints/schemas";
import { updateEndpoint } from "@/lib/webhook-endpoints/update-endpoint";

type Params = { endpointId: string };

// GET /api/webhook-endpoints/{endpointId} — owners, admins and developers: the endpoint (never its secret).
export const GET = withSessionRoute<Params>(
  async ({ membership, params }) =>
    Response.json({ endpoint: await getEndpoint(membership.workspaceId, params.endpointId) }),
  { scope: "endpoints.read" },
);

// PATCH /api/webhook-endpoints/{endpointId} — owners and admins: URL, description, events, enabled.
export const PATCH = withSessionRoute<Params>(
  async ({ request, membership, params }) => {
    const input = await parseJsonBody(request, updateEndpointSchema);
    return Response.json({
      endpoint: await updateEndpoint(membership.workspaceId, params.endpointId, input, membership),
    });
  },
  { scope: "endpoints.write" },
);

// DELETE /api/webhook-endpoints/{endpointId} — owners and admins: the endpoint and its delivery log.
export const DELETE = withSessionRoute<Params>(
  async ({ membership, params }) => {
    await deleteEndpoint(membership.workspaceId, params.endpointId, membership);
    return new Response(null, { status: 204 });
  },
  { scope: "endpoints.write" },
);
