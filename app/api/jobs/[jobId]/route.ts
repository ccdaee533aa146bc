import { hasScope } from "@/lib/auth/roles";
import { getJobDetailOrThrow } from "@/lib/jobs/get-job-detail";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/{jobId} — any member: the job with its timeline, events (with their deliveries, for those who may read them) and outputs.
export const GET = withSessionRoute<{ jobId: string }>(
  async ({ membership, params }) =>
    Response.json(
      await getJobDetailOrThrow(membership.workspaceId, params.jobId, {
        deliveries: hasScope(membership.role, "deliveries.read"),
      }),
    ),
  { scope: "jobs.read" },
);
