import { parseDownloadResultBody } from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { requestDownloadLinks } from "@/lib/jobs/request-download-links";

// POST /api/jobs/{jobId}/download — signed-in members: fresh presigned links from the upstream.
export const POST = withSessionRoute<{ jobId: string }>(async ({ request, membership, params }) => {
  const body = parseDownloadResultBody(await request.text());
  if (!body.ok) throw new ApiError("INVALID_REQUEST", body.message);
  const links = await requestDownloadLinks(membership.workspaceId, params.jobId, body.value.expirationSeconds);
  return Response.json(links, { headers: { "cache-control": "no-store" } });
});
