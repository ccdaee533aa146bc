import { countFailedSince, replayFailedSince } from "@/lib/delivery/replay-failed-since";
import { replayBodySchema, replayQuerySchema } from "@/lib/delivery/schemas";
import { parseJsonBody } from "@/lib/http/parse-json-body";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { withSessionRoute } from "@/lib/route/with-session-route";

type Params = { endpointId: string };

// GET /api/webhook-endpoints/{endpointId}/replay?since= — members who read delivery logs: how many failed deliveries a replay would resend.
export const GET = withSessionRoute<Params>(
  async ({ request, membership, params }) => {
    const { since } = parseSearchParams(request, replayQuerySchema);
    return Response.json(await countFailedSince(membership.workspaceId, params.endpointId, since));
  },
  { scope: "deliveries.read" },
);

// POST /api/webhook-endpoints/{endpointId}/replay {since} — owners, admins and developers: resends every failed delivery since then.
export const POST = withSessionRoute<Params>(
  async ({ request, membership, params }) => {
    const { since } = await parseJsonBody(request, replayBodySchema);
    return Response.json(await replayFailedSince(membership.workspaceId, params.endpointId, since, membership));
  },
  { scope: "deliveries.write" },
);
