import "server-only";
import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import { findJob } from "./find-job";
import type { JobRow } from "./serialize-job";

/** A workspace's job by its upstream id; none (or another workspace's) is a 404 with the contract's sentence. */
export async function getJobOrThrow(workspaceId: string, upstreamJobId: string): Promise<JobRow> {
  const job = await findJob(workspaceId, upstreamJobId);
  if (!job) throw new ApiError("RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound);
  return job;
}
