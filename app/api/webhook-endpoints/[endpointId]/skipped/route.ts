import { countSkippedEvents, dismissSkippedEvents, replaySkippedEvents } from "@/lib/delivery/replay-skipped-events";
import { withSessionRoute } from "@/lib/route/with-session-route";

type Params = { endpointId: string };

// GET /api/webhook-endpoints/{endpointId}/skipped — any member: how many events arrived while the endpoint was disabled.
export const GET = withSessionRoute<Params>(
  async ({ membership, params }) => Response.json(await countSkippedEvents(membership.workspaceId, params.endpointId)),
  { scope: "deliveries.read" },
);

// POST /api/webhook-endpoints/{endpointId}/skipped — owners and admins: delivers those events now.
export const POST = withSessionRoute<Params>(
  async ({ membership, params }) => Response.json(await replaySkippedEvents(membership.workspaceId, params.endpointId)),
  { scope: "deliveries.write" },
);

// DELETE /api/webhook-endpoints/{endpointId}/skipped — owners and admins: forgets them without sending.
export const DELETE = withSessionRoute<Params>(
  async ({ membership, params }) => {
    await dismissSkippedEvents(membership.workspaceId, params.endpointId);
    return new Response(null, { status: 204 });
  },
  { scope: "deliveries.write" },
);
