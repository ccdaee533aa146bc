import { parseOutputIndex } from "@/lib/jobs/get-output-link";
import { readOutputCues } from "@/lib/jobs/read-output-cues";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/{jobId}/outputs/{n}/cues — any member: an SRT output's cues, read through the guarded client.
export const GET = withSessionRoute<{ jobId: string; n: string }>(
  async ({ membership, params }) =>
    Response.json(await readOutputCues(membership.workspaceId, params.jobId, parseOutputIndex(params.n))),
  { scope: "jobs.read" },
);
