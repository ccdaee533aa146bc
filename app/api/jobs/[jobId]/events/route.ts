import { parseSearchParams } from "@/lib/http/parse-search-params";
import { withSessionRoute } from "@/lib/http/with-session-route";
import { listJobEventsOrThrow } from "@/lib/jobs/list-job-events";
import { jobEventsQuerySchema } from "@/lib/jobs/schemas";

// GET /api/jobs/{jobId}/events?before= — signed-in members: a page of the job's events, newest first, without payloads.
export const GET = withSessionRoute<{ jobId: string }>(async ({ request, membership, params }) => {
  const { before } = parseSearchParams(request, jobEventsQuerySchema);
  return Response.json(await listJobEventsOrThrow(membership.workspaceId, params.jobId, before), { headers: { "cache-control": "no-store" } });
});
