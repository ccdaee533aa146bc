import { getJobDetailOrThrow } from "@/lib/jobs/get-job-detail";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/{jobId} — any member: the job with its timeline, events and outputs.
export const GET = withSessionRoute<{ jobId: string }>(
  async ({ membership, params }) => Response.json(await getJobDetailOrThrow(membership.workspaceId, params.jobId)),
  { scope: "jobs.read" },
);
