import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import { isFailureStatus } from "@/lib/workflow/workflows";
import type { JobRow } from "./serialize-job";

/**
 * Only a completed job has files to download. Answered from the portal's own database with the
 * documented messages, before any call upstream: an unfinished job costs the upstream nothing.
 */
export function assertJobDownloadable(job: Pick<JobRow, "status" | "state">): void {
  if (isFailureStatus(job.status)) throw new ApiError("INVALID_REQUEST", DOWNLOAD_MESSAGES.failed);
  if (job.state !== "completed") throw new ApiError("INVALID_REQUEST", DOWNLOAD_MESSAGES.notCompleted(job.status));
}
