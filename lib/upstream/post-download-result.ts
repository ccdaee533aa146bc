import { recordUpstreamCall, statusClassOf } from "@/lib/metrics/record-metrics";
import { OutboundError, toOutboundError } from "@/lib/outbound/outbound-error";
import { type JsonAnswer, requestJson } from "@/lib/outbound/request-json";
import type { PhaseTimeouts } from "@/lib/outbound/send-request";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { isAllowedBaseUrl } from "./allowed-base-urls";

// The one request that carries a workspace's Jobs API key: POST {baseUrl}/v1/jobs/{id}/download-result
// (Jobs API documentation, "Downloading Results"), for fresh links and for Test connection alike.
/** The operator chose the base URL (JOBS_API_BASE_URLS), so any address but cloud metadata; still no redirects. */
export const UPSTREAM_POLICY: AddressPolicy = { allowPrivate: true, operatorChosen: true };

export interface UpstreamCall {
  baseUrl: string;
  apiKey: string;
  jobId: string;
  expirationSeconds: number;
  timeouts: PhaseTimeouts;
  /** Tests: a DNS of their own. */
  resolve?: ResolveHost;
}

export async function postDownloadResult(call: UpstreamCall): Promise<JsonAnswer> {
  const started = performance.now();
  const seconds = () => (performance.now() - started) / 1000;
  try {
    const answer = await sendDownloadResult(call);
    recordUpstreamCall(statusClassOf(answer.status), seconds());
    return answer;
  } catch (error) {
    recordUpstreamCall(toOutboundError(error).failure.kind, seconds());
    throw error;
  }
}

function sendDownloadResult(call: UpstreamCall): Promise<JsonAnswer> {
  // Checked here too, where the key leaves: whatever the caller, a key only goes to an allowed URL.
  if (!isAllowedBaseUrl(call.baseUrl)) {
    return Promise.reject(
      new OutboundError({ kind: "refused", reason: "the base URL is not one this deployment allows" }),
    );
  }
  return requestJson({
    method: "POST",
    url: new URL(`${call.baseUrl.replace(/\/+$/, "")}/v1/jobs/${encodeURIComponent(call.jobId)}/download-result`),
    headers: { authorization: `Bearer ${call.apiKey}` },
    body: JSON.stringify({ expirationSeconds: call.expirationSeconds }),
    policy: UPSTREAM_POLICY,
    timeouts: call.timeouts,
    resolve: call.resolve,
  });
}
