import { parseSearchParams } from "@/lib/http/parse-search-params";
import { answerCorsPreflight } from "@/lib/route/cors";
import { withApiKeyRoute } from "@/lib/route/with-api-key-route";
import { listV1Jobs } from "@/lib/v1-api/list-v1-jobs";
import { v1ListJobsQuerySchema } from "@/lib/v1-api/schemas";

// GET /v1/jobs?cursor=&limit=&apiProduct=&status= — API clients with a portal API key (Bearer).
export const GET = withApiKeyRoute(async ({ request, workspaceId }) =>
  Response.json(await listV1Jobs(workspaceId, parseSearchParams(request, v1ListJobsQuerySchema))),
);

// OPTIONS /v1/jobs — any origin: the CORS preflight (bearer keys only; cookies are never read here).
export const OPTIONS = answerCorsPreflight;
