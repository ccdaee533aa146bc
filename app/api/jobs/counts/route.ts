import { countJobsByState } from "@/lib/jobs/count-jobs-by-state";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/counts — any member: how many of the workspace's jobs are in each state.
export const GET = withSessionRoute(
  async ({ membership }) => Response.json(await countJobsByState(membership.workspaceId)),
  { scope: "jobs.read" },
);
