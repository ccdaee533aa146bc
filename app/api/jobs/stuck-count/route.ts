import { countStuckJobs } from "@/lib/jobs/count-stuck-jobs";
import { withSessionRoute } from "@/lib/route/with-session-route";

// GET /api/jobs/stuck-count — any member: how many of the workspace's jobs are past their step's expected time.
export const GET = withSessionRoute(
  async ({ membership, read }) =>
    Response.json(await read(({ db }) => countStuckJobs(membership.workspaceId, new Date(), db))),
  { scope: "jobs.read", reads: "replica" },
);
