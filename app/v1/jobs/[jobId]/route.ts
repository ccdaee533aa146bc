import { answerCorsPreflight } from "@/lib/route/cors";
import { withApiKeyRoute } from "@/lib/route/with-api-key-route";
import { getV1Job } from "@/lib/v1-api/get-v1-job";

// GET /v1/jobs/{jobId} — API clients with a portal API key (Bearer): the job with its timeline.
export const GET = withApiKeyRoute<{ jobId: string }>(async ({ workspaceId, params }) =>
  Response.json(await getV1Job(workspaceId, params.jobId)),
);

// OPTIONS /v1/jobs/{jobId} — any origin: the CORS preflight (bearer keys only; cookies are never read here).
export const OPTIONS = answerCorsPreflight;
