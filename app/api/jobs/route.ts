import { parseSearchParams } from "@/lib/http/parse-search-params";
import { listJobs } from "@/lib/jobs/list-jobs";
import { listJobsQuerySchema } from "@/lib/jobs/schemas";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs — any member: a page of the workspace's jobs (filters, search, sort, cursor).
export const GET = withSessionRoute(
  async ({ request, membership, read }) => {
    const query = parseSearchParams(request, listJobsQuerySchema);
    return Response.json(await read(({ db }) => listJobs(membership.workspaceId, query, db)));
  },
  { scope: "jobs.read", reads: "replica" },
);
