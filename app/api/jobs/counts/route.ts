import { countJobsByState } from "@/lib/jobs/count-jobs-by-state";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/counts — any member: how many of the workspace's jobs are in each state.
export const GET = withSessionRoute(
  async ({ membership, read }) => Response.json(await read(({ db }) => countJobsByState(membership.workspaceId, db))),
  { scope: "jobs.read", reads: "replica" },
);
