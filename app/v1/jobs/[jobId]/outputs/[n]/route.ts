import { getOutputLink } from "@/lib/jobs/get-output-link";
import { answerCorsPreflight } from "@/lib/route/cors";
import { withApiKeyRoute } from "@/lib/route/with-api-key-route";

// GET /v1/jobs/{jobId}/outputs/{n} — API clients with a portal API key (Bearer): 302 to a fresh presigned link to output n.
export const GET = withApiKeyRoute<{ jobId: string; n: string }>(async ({ workspaceId, params }) => {
  const link = await getOutputLink(workspaceId, params.jobId, params.n);
  return new Response(null, { status: 302, headers: { location: link.url, "referrer-policy": "no-referrer" } });
});

// OPTIONS /v1/jobs/{jobId}/outputs/{n} — any origin: the CORS preflight (bearer keys only; cookies are never read here).
export const OPTIONS = answerCorsPreflight;
