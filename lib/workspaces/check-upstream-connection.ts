import { describeOutboundFailure } from "@/lib/outbound/describe-outbound-failure";
import { toOutboundError } from "@/lib/outbound/outbound-error";
import type { JsonAnswer } from "@/lib/outbound/request-json";
import type { PhaseTimeouts } from "@/lib/outbound/send-request";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { healthEventOf } from "@/lib/upstream/download-health-event";
import { classifyError, outcomeOfFailure } from "@/lib/upstream/download-result";
import { getUpstreamConnectionState } from "@/lib/upstream/get-upstream-connection";
import { postDownloadResult } from "@/lib/upstream/post-download-result";
import { recordDownloadHealth } from "@/lib/upstream/record-download-health";
import { type ConnectionCheck, describeConnectionCheck } from "./describe-connection-check";
import { KEY_REQUIRED_FOR_NEW_BASE_URL } from "./schemas";

export const CONNECTION_CHECK_TIMEOUTS: PhaseTimeouts = { connectMs: 5_000, firstByteMs: 5_000, idleMs: 5_000 };
/** A job id no upstream has: the call proves authentication without touching a real job. */
const PROBE_JOB_ID = "job_connection_check";

/**
 * Calls the upstream with the workspace's saved base URL and key, and says what happened. Only an
 * allowed base URL (JOBS_API_BASE_URLS) with the key entered for it is called, so the answers
 * below describe the operator's Jobs API, never a probe of the deployment's network.
 */
export async function checkUpstreamConnection(
  workspaceId: string,
  options: { resolve?: ResolveHost } = {},
): Promise<ConnectionCheck> {
  const state = await getUpstreamConnectionState(workspaceId);
  if (state.status === "not_configured")
    return { result: "not_configured", message: "Save a base URL and an API key first." };
  if (state.status === "base_url_not_allowed") {
    return {
      result: "not_allowed",
      message:
        "The saved base URL is no longer one this deployment allows, so nothing was sent. Choose an allowed base URL and enter its API key.",
    };
  }
  if (state.status === "key_not_for_base_url")
    return { result: "not_configured", message: `${KEY_REQUIRED_FOR_NEW_BASE_URL}. Nothing was sent.` };
  let answer: JsonAnswer;
  try {
    answer = await postDownloadResult({
      ...state.connection,
      jobId: PROBE_JOB_ID,
      expirationSeconds: 60,
      timeouts: CONNECTION_CHECK_TIMEOUTS,
      resolve: options.resolve,
    });
  } catch (error) {
    await recordDownloadHealth(workspaceId, healthEventOf(outcomeOfFailure(toOutboundError(error).failure)));
    return {
      result: "unreachable",
      message: `Could not reach the Jobs API: ${describeOutboundFailure(error, { workspaceId })}.`,
    };
  }
  // A download-result call like any other, so it is recorded like any other: a refused key or a
  // server error counts toward the download_failing alert, the expected 404 does not (nor a 2xx
  // for a job that cannot exist).
  if (answer.status < 200 || answer.status >= 300)
    await recordDownloadHealth(workspaceId, healthEventOf(classifyError(answer.status, answer.json, PROBE_JOB_ID)));
  return describeConnectionCheck(answer.status, answer.json);
}
