import { parseSearchParams } from "@/lib/http/parse-search-params";
import { createLiveStream } from "@/lib/live/create-live-stream";
import { liveQuerySchema } from "@/lib/live/schemas";
import { withSessionRoute } from "@/lib/route/with-session-route";

export const dynamic = "force-dynamic";

// GET /api/live?job= — any member: server-sent events for the workspace's job changes (and, with
// `job`, that job's timeline activity); 429 when the user (or this process) has no live stream to
// spare, and the page polls instead.
export const GET = withSessionRoute(
  async ({ request, membership }) => {
    const { job } = parseSearchParams(request, liveQuerySchema);
    return new Response(createLiveStream(membership, request.signal, { watchJobId: job }), {
      headers: {
        "content-type": "text/event-stream; charset=utf-8",
        "cache-control": "no-cache, no-transform",
        connection: "keep-alive",
        // Reverse proxies (nginx) must pass events through as they come.
        "x-accel-buffering": "no",
      },
    });
  },
  { scope: "jobs.read" },
);
