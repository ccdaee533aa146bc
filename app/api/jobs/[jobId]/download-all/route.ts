import { parseSearchParams } from "@/lib/http/parse-search-params";
import { downloadAllQuerySchema } from "@/lib/jobs/schemas";
import { streamOutputsZip } from "@/lib/jobs/stream-outputs-zip";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/{jobId}/download-all?expirationSeconds= — any member: every output in one zip.
export const GET = withSessionRoute<{ jobId: string }>(
  async ({ request, membership, params }) => {
    const { expirationSeconds } = parseSearchParams(request, downloadAllQuerySchema);
    const zip = await streamOutputsZip(membership.workspaceId, params.jobId, expirationSeconds);
    return new Response(zip.stream, {
      headers: { "content-type": "application/zip", "content-disposition": `attachment; filename="${zip.fileName}"` },
    });
  },
  { scope: "jobs.read" },
);
