import { createLiveStream } from "@/lib/live/create-live-stream";
import { withSessionRoute } from "@/lib/route/with-session-route";

export const dynamic = "force-dynamic";

// GET /api/live — any member: server-sent events for the workspace's job changes; 429 when the
// user (or this process) has no live stream to spare, and the page polls instead.
export const GET = withSessionRoute(
  async ({ request, membership }) =>
    new Response(createLiveStream(membership, request.signal), {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        // Reverse proxies (nginx) must pass events through as they come.
        "x-accel-buffering": "no",
      },
    }),
  { scope: "jobs.read" },
);
