import { listJobs } from "@/lib/jobs/list-jobs";
import { listJobsQuerySchema } from "@/lib/jobs/schemas";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { withSessionRoute } from "@/lib/http/with-session-route";

// GET /api/jobs — signed-in members: a page of the workspace's jobs (filters, search, sort, cursor).
export const GET = withSessionRoute(async ({ request, membership }) =>
  Response.json(await listJobs(membership.workspaceId, parseSearchParams(request, listJobsQuerySchema)), {
    headers: { "cache-control": "no-store" },
  }),
);
