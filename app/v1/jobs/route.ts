import { parseSearchParams } from "@/lib/http/parse-search-params";
import { withApiKeyRoute } from "@/lib/http/with-api-key-route";
import { listV1Jobs } from "@/lib/v1-api/list-v1-jobs";
import { v1ListJobsQuerySchema } from "@/lib/v1-api/schemas";

// GET /v1/jobs?cursor=&limit=&apiProduct=&status= — API clients with a portal API key (Bearer).
export const GET = withApiKeyRoute(async ({ request, workspaceId }) =>
  Response.json(await listV1Jobs(workspaceId, parseSearchParams(request, v1ListJobsQuerySchema))),
);
