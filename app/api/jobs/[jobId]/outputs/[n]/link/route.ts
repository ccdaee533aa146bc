import { parseSearchParams } from "@/lib/http/parse-search-params";
import { getOutputLink } from "@/lib/jobs/get-output-link";
import { outputLinkQuerySchema } from "@/lib/jobs/schemas";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/{jobId}/outputs/{n}/link?expirationSeconds= — any member: a fresh presigned link to one output (the player, Copy presigned link).
export const GET = withSessionRoute<{ jobId: string; n: string }>(
  async ({ request, membership, params }) => {
    const { expirationSeconds } = parseSearchParams(request, outputLinkQuerySchema);
    return Response.json(await getOutputLink(membership.workspaceId, params.jobId, params.n, expirationSeconds));
  },
  { scope: "jobs.read" },
);
