import { listJobDeliveries } from "@/lib/delivery/list-job-deliveries";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/{jobId}/deliveries — any member: the job's deliveries to every endpoint, newest first.
export const GET = withSessionRoute<{ jobId: string }>(
  async ({ membership, params }) => Response.json(await listJobDeliveries(membership.workspaceId, params.jobId)),
  { scope: "deliveries.read" },
);
