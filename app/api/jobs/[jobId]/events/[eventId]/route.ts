import { getJobEventPayloadOrThrow } from "@/lib/jobs/get-job-event-payload";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/{jobId}/events/{eventId} — any member: one event's stored payload, cut at 64 KiB.
export const GET = withSessionRoute<{ jobId: string; eventId: string }>(
  async ({ membership, params }) =>
    Response.json(await getJobEventPayloadOrThrow(membership.workspaceId, params.jobId, params.eventId)),
  { scope: "jobs.read" },
);
