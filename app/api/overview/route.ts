import { parseSearchParams } from "@/lib/http/parse-search-params";
import { getOverview } from "@/lib/insight/get-overview";
import { overviewQuerySchema } from "@/lib/insight/schemas";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/overview?range=24h|7d|30d|90d|custom&from=&to= — any member: the workspace's jobs, step durations, arrival lag and delivery health over a range.
export const GET = withSessionRoute(
  async ({ request, membership, read }) => {
    const query = parseSearchParams(request, overviewQuerySchema);
    return Response.json(await read(({ db }) => getOverview(membership.workspaceId, query, new Date(), db)));
  },
  { scope: "jobs.read", reads: "replica" },
);
