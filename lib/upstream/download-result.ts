import { type DownloadResultResponse, upstreamDownloadResultSchema } from "@/lib/contract/download-result";
import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { originOf } from "@/lib/contract/output-url";
import { logger } from "@/lib/log/logger";
import { describeFailure } from "@/lib/outbound/describe-outbound-failure";
import { type OutboundFailure, toOutboundError } from "@/lib/outbound/outbound-error";
import type { JsonAnswer } from "@/lib/outbound/request-json";
import type { PhaseTimeouts } from "@/lib/outbound/send-request";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { postDownloadResult } from "./post-download-result";

// Client of the upstream's POST /v1/jobs/{jobId}/download-result (Jobs API documentation,
// "Downloading Results").
// Every way it can go wrong is a value the caller turns into a sentence; nothing here throws.
export const UPSTREAM_TIMEOUT_MS = 10_000;
export const UPSTREAM_TIMEOUTS: PhaseTimeouts = {
  connectMs: 5_000,
  firstByteMs: UPSTREAM_TIMEOUT_MS,
  idleMs: UPSTREAM_TIMEOUT_MS,
};

export interface DownloadResultCall {
  baseUrl: string;
  apiKey: string;
  jobId: string;
  expirationSeconds: number;
  timeouts?: PhaseTimeouts;
  resolve?: ResolveHost;
}

export type DownloadResultOutcome =
  | { ok: true; result: DownloadResultResponse }
  | { ok: false; reason: "not_completed"; status: string }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid_request"; message: string }
  | { ok: false; reason: "key_refused"; httpStatus: number }
  /** `detail`: what happened, as a plain sentence ("Timed out after 10 s", "HTTP 504"). */
  | { ok: false; reason: "timeout"; detail: string }
  /** `detail`: "Connection refused", "HTTP 503", ... — never a URL. */
  | { ok: false; reason: "unreachable"; detail: string }
  | { ok: false; reason: "bad_response"; httpStatus: number }
  /** Output URLs this portal does not hand out (not https, a private address, ...): none is used. */
  | { ok: false; reason: "unsafe_output_url"; field: string };

const NOT_COMPLETED = /^Job is not completed yet\. Current status: (\S+)$/;

export async function requestDownloadResult(call: DownloadResultCall): Promise<DownloadResultOutcome> {
  let answer: JsonAnswer;
  try {
    answer = await postDownloadResult({ ...call, timeouts: call.timeouts ?? UPSTREAM_TIMEOUTS });
  } catch (error) {
    const failure = toOutboundError(error).failure;
    logger.warn({ jobId: call.jobId, failure, error: toOutboundError(error).cause }, "upstream download-result failed");
    return outcomeOfFailure(failure);
  }
  if (answer.status >= 200 && answer.status < 300) return readResult(answer, call);
  return classifyError(answer.status, answer.json, call.jobId);
}

/** A call that got no usable answer (no connection, a timeout, an answer too large to read). */
export function outcomeOfFailure(failure: OutboundFailure): DownloadResultOutcome {
  if (failure.kind === "timeout") return { ok: false, reason: "timeout", detail: describeFailure(failure) };
  if (failure.kind === "too_large") return { ok: false, reason: "bad_response", httpStatus: 200 };
  return { ok: false, reason: "unreachable", detail: describeFailure(failure) };
}

function readResult(answer: JsonAnswer, call: DownloadResultCall): DownloadResultOutcome {
  const parsed = upstreamDownloadResultSchema(originOf(call.baseUrl)).safeParse(answer.json);
  if (parsed.success) return { ok: true, result: parsed.data };
  const issue = parsed.error.issues[0];
  // The URL itself is not logged: it is the upstream's, possibly a presigned one.
  logger.warn(
    { jobId: call.jobId, status: answer.status, issue: issue?.path.join(".") },
    "upstream download-result response does not match the contract",
  );
  if (issue && issue.path.at(-1) === "url")
    return { ok: false, reason: "unsafe_output_url", field: issue.path.join(".") };
  return { ok: false, reason: "bad_response", httpStatus: answer.status };
}

/** A non-2xx answer. */
export function classifyError(httpStatus: number, body: unknown, jobId: string): DownloadResultOutcome {
  const envelope = errorEnvelopeSchema.safeParse(body);
  const message = envelope.success ? envelope.data.error.message : "";
  if (httpStatus === 401 || httpStatus === 403) return { ok: false, reason: "key_refused", httpStatus };
  if (httpStatus === 404) return { ok: false, reason: "not_found" };
  if (httpStatus === 400 && envelope.success) {
    const notCompleted = NOT_COMPLETED.exec(message);
    if (notCompleted) return { ok: false, reason: "not_completed", status: notCompleted[1] };
    if (message.startsWith("Job failed")) return { ok: false, reason: "failed" };
    // The upstream's own words, shown as text; bounded, since the upstream is not trusted.
    return { ok: false, reason: "invalid_request", message: message.slice(0, 500) };
  }
  if (httpStatus === 504) return { ok: false, reason: "timeout", detail: `HTTP ${httpStatus}` };
  if (httpStatus >= 500) return { ok: false, reason: "unreachable", detail: `HTTP ${httpStatus}` };
  logger.warn({ jobId, status: httpStatus }, "upstream download-result answered unexpectedly");
  return { ok: false, reason: "bad_response", httpStatus };
}
