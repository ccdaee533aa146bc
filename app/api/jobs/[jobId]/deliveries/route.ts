import { withSessionRoute } from "@/lib/route/with-session-route";
import { listJobDeliveries } from "@/lib/webhook-endpoints/list-job-deliveries";

// GET /api/jobs/{jobId}/deliveries — any member: the job's deliveries to every endpoint, newest first.
export const GET = withSessionRoute<{ jobId: string }>(
  async ({ membership, params }) => Response.json(await listJobDeliveries(membership.workspaceId, params.jobId)),
  { scope: "deliveries.read" },
);
