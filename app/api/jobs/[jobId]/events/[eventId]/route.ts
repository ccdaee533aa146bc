import { withSessionRoute } from "@/lib/http/with-session-route";
import { getJobEventPayloadOrThrow } from "@/lib/jobs/get-job-event-payload";

// GET /api/jobs/{jobId}/events/{eventId} — signed-in members: one event's stored payload, cut at 64 KiB.
export const GET = withSessionRoute<{ jobId: string; eventId: string }>(async ({ membership, params }) =>
  Response.json(await getJobEventPayloadOrThrow(membership.workspaceId, params.jobId, params.eventId), { headers: { "cache-control": "no-store" } }),
);
