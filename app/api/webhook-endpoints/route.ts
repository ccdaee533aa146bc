import { parseJsonBody } from "@/lib/http/parse-json-body";
import { withSessionRoute } from "@/lib/route/with-session-route";
import { createEndpoint } from "@/lib/webhook-endpoints/create-endpoint";
import { maxEndpointsPerWorkspace } from "@/lib/webhook-endpoints/endpoint-limit";
import { listEndpoints } from "@/lib/webhook-endpoints/list-endpoints";
import { createEndpointSchema } from "@/lib/webhook-endpoints/schemas";

// GET /api/webhook-endpoints — owners, admins and developers: the workspace's endpoints with recent success rates (never secrets), and how many it may have.
export const GET = withSessionRoute(
  async ({ membership }) =>
    Response.json({ endpoints: await listEndpoints(membership.workspaceId), maxEndpoints: maxEndpointsPerWorkspace() }),
  { scope: "endpoints.read" },
);

// POST /api/webhook-endpoints — owners and admins: a new endpoint with its own signing secret.
export const POST = withSessionRoute(
  async ({ request, membership }) => {
    const input = await parseJsonBody(request, createEndpointSchema);
    return Response.json(
      { endpoint: await createEndpoint(membership.workspaceId, input, membership) },
      { status: 201 },
    );
  },
  { scope: "endpoints.write" },
);
