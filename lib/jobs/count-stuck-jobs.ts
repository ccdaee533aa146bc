import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import { getStepExpectations } from "@/lib/insight/get-step-expectations";
import { COUNT_CAP } from "./count-jobs-by-state";
import { stuckWhere } from "./list-jobs";
import type { JobCount } from "./types";

/** How many of the workspace's jobs are stuck, capped like the state tabs' counts. */
export async function countStuckJobs(workspaceId: string, now = new Date(), db: Db = prisma): Promise<JobCount> {
  const where = { workspaceId, ...stuckWhere(await getStepExpectations(workspaceId, now, db), now) };
  const found = await db.job.findMany({ where, select: { id: true }, take: COUNT_CAP + 1 });
  return { count: Math.min(found.length, COUNT_CAP), atLeast: found.length > COUNT_CAP };
}
