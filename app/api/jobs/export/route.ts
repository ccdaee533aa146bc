import { parseSearchParams } from "@/lib/http/parse-search-params";
import { jobFiltersSchema } from "@/lib/jobs/schemas";
import { streamJobsCsv } from "@/lib/jobs/stream-jobs-csv";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/export — any member: the workspace's jobs matching the Jobs page's filters, as a streamed CSV file.
export const GET = withSessionRoute(
  async ({ request, membership, read }) => {
    const filters = parseSearchParams(request, jobFiltersSchema);
    const day = new Date().toISOString().slice(0, 10);
    return new Response(await streamJobsCsv(membership.workspaceId, filters, new Date(), read), {
      headers: {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": `attachment; filename="jobs-${day}.csv"`,
      },
    });
  },
  { scope: "jobs.read", reads: "replica" },
);
