import { getReplayCurl } from "@/lib/delivery/get-replay-curl";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/deliveries/{deliveryId}/curl — those who may see signing secrets: the delivery as a cURL command, signed now.
export const GET = withSessionRoute<{ deliveryId: string }>(
  async ({ membership, params }) => Response.json(await getReplayCurl(membership.workspaceId, params.deliveryId)),
  { scope: "secrets.read" },
);
