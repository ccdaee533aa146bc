import { answerCorsPreflight } from "@/lib/route/cors";
import { withApiKeyRoute } from "@/lib/route/with-api-key-route";
import { createDownloadResult, MAX_DOWNLOAD_RESULT_BODY_BYTES } from "@/lib/v1-api/create-download-result";

// POST /v1/jobs/{jobId}/download-result — API clients with a portal API key (Bearer).
export const POST = withApiKeyRoute<{ jobId: string }>(
  async ({ request, workspaceId, params }) =>
    Response.json(await createDownloadResult(workspaceId, params.jobId, await request.text())),
  { body: { maxBytes: MAX_DOWNLOAD_RESULT_BODY_BYTES } },
);

// OPTIONS /v1/jobs/{jobId}/download-result — any origin: the CORS preflight (bearer keys only; cookies are never read here).
export const OPTIONS = answerCorsPreflight;
