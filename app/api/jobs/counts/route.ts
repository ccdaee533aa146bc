import { countJobsByState } from "@/lib/jobs/count-jobs-by-state";
import { withSessionRoute } from "@/lib/http/with-session-route";

// GET /api/jobs/counts — signed-in members: how many of the workspace's jobs are in each state.
export const GET = withSessionRoute(async ({ membership }) =>
  Response.json(await countJobsByState(membership.workspaceId), { headers: { "cache-control": "no-store" } }),
);
