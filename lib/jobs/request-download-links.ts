import type { DownloadResultResponse } from "@/lib/contract/download-result";
import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import { ApiError } from "@/lib/http/api-error";
import type { PhaseTimeouts } from "@/lib/outbound/send-request";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { callDownloadResult } from "@/lib/upstream/call-download-result";
import { type DownloadResultOutcome, UPSTREAM_TIMEOUT_MS } from "@/lib/upstream/download-result";
import { getUpstreamConnectionState, type UpstreamConnectionState } from "@/lib/upstream/get-upstream-connection";
import { assertJobDownloadable } from "./assert-job-downloadable";
import { getJobOrThrow } from "./get-job-or-throw";

type Failure = Exclude<DownloadResultOutcome, { ok: true }>;

/** Tests: their own DNS and timeouts for the calls upstream and to the output files. */
export interface TransportOptions {
  resolve?: ResolveHost;
  upstreamTimeouts?: PhaseTimeouts;
  fileTimeouts?: PhaseTimeouts;
}

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
      return new ApiError(
        "UPSTREAM_UNAVAILABLE",
        "The Jobs API refused this workspace's API key. Check the key in Settings.",
        { status: 502 },
      );
    case "timeout":
      return new ApiError(
        "UPSTREAM_UNAVAILABLE",
        `The Jobs API did not answer within ${UPSTREAM_TIMEOUT_MS / 1000} seconds. Try again in a moment.`,
        { status: 504 },
      );
    case "unreachable":
      return new ApiError("UPSTREAM_UNAVAILABLE", "The Jobs API could not be reached. Try again in a moment.", {
        status: 502,
      });
    case "bad_response":
      return new ApiError(
        "UPSTREAM_UNAVAILABLE",
        "The Jobs API sent a response this portal could not read. Try again in a moment.",
        { status: 502 },
      );
    case "unsafe_output_url":
      return new ApiError(
        "UPSTREAM_UNAVAILABLE",
        `The Jobs API sent a download link this portal does not hand out (${failure.field}: not an https:// link to a public address).`,
        { status: 502 },
      );
  }
}

function notConnectedError(state: Exclude<UpstreamConnectionState, { status: "connected" }>): ApiError {
  const message =
    state.status === "base_url_not_allowed"
      ? "This workspace's Jobs API base URL is no longer allowed on this deployment. Choose one in Settings and enter its API key."
      : state.status === "key_not_for_base_url"
        ? "This workspace's Jobs API key was entered for another base URL. Enter the key again in Settings."
        : "This workspace is not connected to the Jobs API yet. Add its base URL and API key in Settings.";
  return new ApiError("UPSTREAM_UNAVAILABLE", message, { status: 503 });
}

export interface CheckedLinks {
  result: DownloadResultResponse;
  /** The origin of the Jobs API that answered: output files there may be fetched over http. */
  upstreamOrigin: string;
}

/**
 * Fresh presigned links to a completed job's outputs, from the upstream's download-result with the
 * workspace's own key, every URL checked (lib/contract/output-url.ts). The job must be this
 * workspace's and completed: otherwise the answer comes from the database, before any call.
 */
export async function requestCheckedLinks(
  workspaceId: string,
  upstreamJobId: string,
  expirationSeconds: number,
  transport: TransportOptions = {},
): Promise<CheckedLinks> {
  assertJobDownloadable(await getJobOrThrow(workspaceId, upstreamJobId));
  const state = await getUpstreamConnectionState(workspaceId);
  if (state.status !== "connected") throw notConnectedError(state);
  const { connection } = state;
  const outcome = await callDownloadResult(workspaceId, {
    baseUrl: connection.baseUrl,
    apiKey: connection.apiKey,
    jobId: upstreamJobId,
    expirationSeconds,
    timeouts: transport.upstreamTimeouts,
    resolve: transport.resolve,
  });
  if (!outcome.ok) throw failureToError(outcome);
  const outputs = [...outcome.result.outputs].sort((a, b) => (a.outputIndex ?? 0) - (b.outputIndex ?? 0));
  return { result: { ...outcome.result, outputs }, upstreamOrigin: connection.origin };
}

export async function requestDownloadLinks(
  workspaceId: string,
  upstreamJobId: string,
  expirationSeconds: number,
  transport: TransportOptions = {},
): Promise<DownloadResultResponse> {
  return (await requestCheckedLinks(workspaceId, upstreamJobId, expirationSeconds, transport)).result;
}
