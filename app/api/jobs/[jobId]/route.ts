import { getJobDetailOrThrow } from "@/lib/jobs/get-job-detail";
import { withSessionRoute } from "@/lib/http/with-session-route";

// GET /api/jobs/{jobId} — signed-in members: the job with its timeline, events and outputs.
export const GET = withSessionRoute<{ jobId: string }>(async ({ membership, params }) =>
  Response.json(await getJobDetailOrThrow(membership.workspaceId, params.jobId), { headers: { "cache-control": "no-store" } }),
);
