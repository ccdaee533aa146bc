import { hasScope } from "@/lib/auth/roles";
import { parseSearchParams } from "@/lib/http/parse-search-params";
import { listJobEventsOrThrow } from "@/lib/jobs/list-job-events";
import { jobEventsQuerySchema } from "@/lib/jobs/schemas";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/{jobId}/events?before= — any member: a page of the job's events, newest first, without payloads (with their deliveries for those who may read them).
export const GET = withSessionRoute<{ jobId: string }>(
  async ({ request, membership, params }) => {
    const { before } = parseSearchParams(request, jobEventsQuerySchema);
    return Response.json(
      await listJobEventsOrThrow(membership.workspaceId, params.jobId, before, {
        deliveries: hasScope(membership.role, "deliveries.read"),
      }),
    );
  },
  { scope: "jobs.read" },
);
