import { parseDownloadResultBody } from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import { requestDownloadLinks } from "@/lib/jobs/request-download-links";
import { withSessionRoute } from "@/lib/route/with-session-route";

// POST /api/jobs/{jobId}/download — any member: fresh presigned links from the upstream.
export const POST = withSessionRoute<{ jobId: string }>(
  async ({ request, membership, params }) => {
    const body = parseDownloadResultBody(await request.text());
    if (!body.ok) throw new ApiError("INVALID_REQUEST", body.message);
    return Response.json(
      await requestDownloadLinks(membership.workspaceId, params.jobId, body.value.expirationSeconds),
    );
  },
  { scope: "jobs.read" },
);
