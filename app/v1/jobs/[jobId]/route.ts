import { withApiKeyRoute } from "@/lib/http/with-api-key-route";
import { getV1Job } from "@/lib/v1-api/get-v1-job";

// GET /v1/jobs/{jobId} — API clients with a portal API key (Bearer): the job with its timeline.
export const GET = withApiKeyRoute<{ jobId: string }>(async ({ workspaceId, params }) =>
  Response.json(await getV1Job(workspaceId, params.jobId)),
);
