import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import { jobSelect, type JobRow } from "./serialize-job";

/** A workspace's job by its upstream id; another workspace's job is indistinguishable from none. */
export async function findJob(workspaceId: string, upstreamJobId: string): Promise<JobRow | null> {
  return prisma.job.findUnique({
    where: { workspaceId_upstreamJobId: { workspaceId, upstreamJobId } },
    select: jobSelect,
  });
}

export async function getJobOrThrow(workspaceId: string, upstreamJobId: string): Promise<JobRow> {
  const job = await findJob(workspaceId, upstreamJobId);
  if (!job) throw new ApiError("RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound);
  return job;
}
