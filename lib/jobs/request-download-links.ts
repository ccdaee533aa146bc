import type { DownloadResultResponse } from "@/lib/contract/download-result";
import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import { requestDownloadResult, UPSTREAM_TIMEOUT_MS, type DownloadResultOutcome } from "@/lib/upstream/download-result";
import { getUpstreamConnection } from "@/lib/upstream/get-upstream-connection";
import { getJobOrThrow } from "./get-job-or-throw";

type Failure = Exclude<DownloadResultOutcome, { ok: true }>;

// Sentences the job page shows as they are. None names a URL or a key.
function failureToError(failure: Failure): ApiError {
  switch (failure.reason) {
    case "not_completed":
      return new ApiError("INVALID_REQUEST", DOWNLOAD_MESSAGES.notCompleted(failure.status));
    case "failed":
      return new ApiError("INVALID_REQUEST", DOWNLOAD_MESSAGES.failed);
    case "not_found":
      return new ApiError("RESOURCE_NOT_FOUND", "The Jobs API has no such job for this workspace's API key.");
    case "invalid_request":
      return new ApiError("INVALID_REQUEST", failure.message);
    case "key_refused":
      return new ApiError("UPSTREAM_UNAVAILABLE", "The Jobs API refused this workspace's API key. Check the key in Settings.", 502);
    case "timeout":
      return new ApiError("UPSTREAM_UNAVAILABLE", `The Jobs API did not answer within ${UPSTREAM_TIMEOUT_MS / 1000} seconds. Try again in a moment.`, 504);
    case "unreachable":
      return new ApiError("UPSTREAM_UNAVAILABLE", "The Jobs API could not be reached. Try again in a moment.", 502);
    case "bad_response":
      return new ApiError("UPSTREAM_UNAVAILABLE", "The Jobs API sent a response this portal could not read. Try again in a moment.", 502);
  }
}

/**
 * Fresh presigned links to a job's outputs, from the upstream's download-result with the
 * workspace's own key. The job must be this workspace's: another's is "not found" before any call.
 */
export async function requestDownloadLinks(
  workspaceId: string,
  upstreamJobId: string,
  expirationSeconds: number,
): Promise<DownloadResultResponse> {
  await getJobOrThrow(workspaceId, upstreamJobId);
  const connection = await getUpstreamConnection(workspaceId);
  if (!connection) {
    throw new ApiError("UPSTREAM_UNAVAILABLE", "This workspace is not connected to the Jobs API yet. Add its base URL and API key in Settings.", 503);
  }
  const outcome = await requestDownloadResult({ ...connection, jobId: upstreamJobId, expirationSeconds });
  if (!outcome.ok) throw failureToError(outcome);
  const outputs = [...outcome.result.outputs].sort((a, b) => (a.outputIndex ?? 0) - (b.outputIndex ?? 0));
  return { ...outcome.result, outputs };
}
