import { countSkippedEvents, dismissSkippedEvents, replaySkippedEvents } from "@/lib/delivery/replay-skipped-events";
import { withSessionRoute } from "@/lib/route/with-session-route";

type Params = { endpointId: string };

// GET /api/webhook-endpoints/{endpointId}/skipped — members who read delivery logs: how many events arrived while the endpoint was disabled.
export const GET = withSessionRoute<Params>(
  async ({ membership, params }) => Response.json(await countSkippedEvents(membership.workspaceId, params.endpointId)),
  { scope: "deliveries.read" },
);

// POST /api/webhook-endpoints/{endpointId}/skipped — owners, admins and developers: delivers those events now.
export const POST = withSessionRoute<Params>(
  async ({ membership, params }) =>
    Response.json(await replaySkippedEvents(membership.workspaceId, params.endpointId, membership)),
  { scope: "deliveries.write" },
);

// DELETE /api/webhook-endpoints/{endpointId}/skipped — owners, admins and developers: forgets them without sending.
export const DELETE = withSessionRoute<Params>(
  async ({ membership, params }) => {
    await dismissSkippedEvents(membership.workspaceId, params.endpointId, membership);
    return new Response(null, { status: 204 });
  },
  { scope: "deliveries.write" },
);
