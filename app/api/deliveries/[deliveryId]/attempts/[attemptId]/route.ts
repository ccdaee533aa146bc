import { getAttemptDebug } from "@/lib/delivery/get-attempt-debug";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/deliveries/{deliveryId}/attempts/{attemptId} — any member: the attempt's request as sent (links redacted), signed string and answer.
export const GET = withSessionRoute<{ deliveryId: string; attemptId: string }>(
  async ({ membership, params }) =>
    Response.json(await getAttemptDebug(membership.workspaceId, params.deliveryId, params.attemptId)),
  { scope: "deliveries.read" },
);
