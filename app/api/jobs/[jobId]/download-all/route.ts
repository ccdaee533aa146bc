import { parseSearchParams } from "@/lib/http/parse-search-params";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { downloadAllQuerySchema } from "@/lib/jobs/schemas";
import { streamOutputsZip } from "@/lib/jobs/stream-outputs-zip";

// GET /api/jobs/{jobId}/download-all?expirationSeconds= — signed-in members: every output in one zip.
export const GET = withSessionRoute<{ jobId: string }>(async ({ request, membership, params }) => {
  const { expirationSeconds } = parseSearchParams(request, downloadAllQuerySchema);
  const zip = await streamOutputsZip(membership.workspaceId, params.jobId, expirationSeconds);
  return new Response(zip.stream, {
    headers: {
      "content-type": "application/zip",
      "content-disposition": `attachment; filename="${zip.fileName}"`,
      "cache-control": "no-store",
    },
  });
});
