import { prisma } from "@/lib/db/client";
import { type JobRow, jobSelect } from "./serialize-job";

/** A workspace's job by its upstream id, or null; another workspace's job is indistinguishable from none. */
export async function findJob(workspaceId: string, upstreamJobId: string): Promise<JobRow | null> {
  return prisma.job.findUnique({
    where: { workspaceId_upstreamJobId: { workspaceId, upstreamJobId } },
    select: jobSelect,
  });
}
