import { readBodyText } from "@/lib/http/read-body-text";
import { answerCorsPreflight } from "@/lib/http/cors";
import { withApiKeyRoute } from "@/lib/http/with-api-key-route";
import { createDownloadResult, MAX_DOWNLOAD_RESULT_BODY_BYTES } from "@/lib/v1-api/create-download-result";

// POST /v1/jobs/{jobId}/download-result — API clients with a portal API key (Bearer).
export const POST = withApiKeyRoute<{ jobId: string }>(
  async ({ request, workspaceId, params }) =>
    Response.json(await createDownloadResult(workspaceId, params.jobId, await readBodyText(request, MAX_DOWNLOAD_RESULT_BODY_BYTES))),
  { body: { maxBytes: MAX_DOWNLOAD_RESULT_BODY_BYTES } },
);

// OPTIONS /v1/jobs/{jobId}/download-result — any origin: the CORS preflight (bearer keys only; cookies are never read here).
export const OPTIONS = answerCorsPreflight;
