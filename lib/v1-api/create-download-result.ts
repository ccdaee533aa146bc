import {
  DOWNLOAD_MESSAGES,
  type DownloadResultResponse,
  downloadResultResponseSchema,
  parseDownloadResultBody,
} from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import { assertJobDownloadable } from "@/lib/jobs/assert-job-downloadable";
import { getJobOrThrow } from "@/lib/jobs/get-job-or-throw";
import { requestDownloadLinks } from "@/lib/jobs/request-download-links";
import type { JobRow } from "@/lib/jobs/serialize-job";
import { logger } from "@/lib/log/logger";
import { WORKFLOWS } from "@/lib/workflow/workflows";

/** The documented body is one small field; anything near this size is not a download-result request. */
export const MAX_DOWNLOAD_RESULT_BODY_BYTES = 16 * 1024;

/** `outputIndex` only on the outputs of a workflow with N numbered files (translate); the others have one file. */
function toContractBody(job: JobRow, links: DownloadResultResponse): DownloadResultResponse {
  return {
    jobId: job.upstreamJobId,
    apiProduct: job.apiProduct,
    expiresAt: links.expiresAt,
    outputs: links.outputs.map(({ outputIndex, url, expiresAt, sizeBytes }, position) =>
      WORKFLOWS[job.apiProduct].output.indexed
        ? { outputIndex: outputIndex ?? position, url, expiresAt, sizeBytes }
        : { url, expiresAt, sizeBytes },
    ),
  };
}

/**
 * POST /v1/jobs/{jobId}/download-result, to the letter of the Jobs API's documentation. Unknown, unfinished and
 * failed jobs are answered from the portal's own database; only a completed job costs a call
 * to the upstream, with the workspace's base URL and key, for fresh links.
 */
export async function createDownloadResult(
  workspaceId: string,
  jobId: string,
  bodyText: string,
): Promise<DownloadResultResponse> {
  const body = parseDownloadResultBody(bodyText);
  if (!body.ok) throw new ApiError("INVALID_REQUEST", body.message);

  const job = await getJobOrThrow(workspaceId, jobId);
  assertJobDownloadable(job);

  const links = await requestDownloadLinks(workspaceId, jobId, body.value.expirationSeconds).catch((error: unknown) => {
    // The contract has one 404 sentence; the portal pages' wording about the upstream stays there.
    if (error instanceof ApiError && error.code === "RESOURCE_NOT_FOUND") {
      logger.warn({ workspaceId, jobId }, "upstream does not know a job the portal has completed");
      throw new ApiError("RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound);
    }
    throw error;
  });
  // Never hand a client something the contract does not allow; a mismatch is a bug (masked 500).
  return downloadResultResponseSchema.parse(toContractBody(job, links));
}
