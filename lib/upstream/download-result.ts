import { downloadResultResponseSchema, type DownloadResultResponse } from "@/lib/contract/download-result";
import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { logger } from "@/lib/http/logger";

// Client of the upstream's POST /v1/jobs/{jobId}/download-result (seed: "Downloading Results").
// Every way it can go wrong is a value the caller turns into a sentence; nothing here throws.
export const UPSTREAM_TIMEOUT_MS = 10_000;

export interface DownloadResultCall {
  baseUrl: string;
  apiKey: string;
  jobId: string;
  expirationSeconds: number;
  timeoutMs?: number;
}

export type DownloadResultOutcome =
  | { ok: true; result: DownloadResultResponse }
  | { ok: false; reason: "not_completed"; status: string }
  | { ok: false; reason: "failed" }
  | { ok: false; reason: "not_found" }
  | { ok: false; reason: "invalid_request"; message: string }
  | { ok: false; reason: "key_refused" }
  | { ok: false; reason: "timeout" }
  | { ok: false; reason: "unreachable" }
  | { ok: false; reason: "bad_response"; httpStatus: number };

const NOT_COMPLETED = /^Job is not completed yet\. Current status: (\S+)$/;

export async function requestDownloadResult(call: DownloadResultCall): Promise<DownloadResultOutcome> {
  const url = `${call.baseUrl.replace(/\/+$/, "")}/v1/jobs/${encodeURIComponent(call.jobId)}/download-result`;
  let response: Response;
  try {
    response = await fetch(url, {
      method: "POST",
      headers: { authorization: `Bearer ${call.apiKey}`, "content-type": "application/json", accept: "application/json" },
      body: JSON.stringify({ expirationSeconds: call.expirationSeconds }),
      signal: AbortSignal.timeout(call.timeoutMs ?? UPSTREAM_TIMEOUT_MS),
      cache: "no-store",
    });
  } catch (error) {
    const timedOut = error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
    logger.warn("upstream download-result unreachable", { jobId: call.jobId, timedOut, error });
    return { ok: false, reason: timedOut ? "timeout" : "unreachable" };
  }

  const body: unknown = await response.json().catch(() => null);
  if (response.ok) {
    const parsed = downloadResultResponseSchema.safeParse(body);
    if (parsed.success) return { ok: true, result: parsed.data };
    logger.warn("upstream download-result response does not match the contract", { jobId: call.jobId, status: response.status });
    return { ok: false, reason: "bad_response", httpStatus: response.status };
  }
  return classifyError(response.status, body, call.jobId);
}

function classifyError(httpStatus: number, body: unknown, jobId: string): DownloadResultOutcome {
  const envelope = errorEnvelopeSchema.safeParse(body);
  const message = envelope.success ? envelope.data.error.message : "";
  if (httpStatus === 401 || httpStatus === 403) return { ok: false, reason: "key_refused" };
  if (httpStatus === 404) return { ok: false, reason: "not_found" };
  if (httpStatus === 400 && envelope.success) {
    const notCompleted = NOT_COMPLETED.exec(message);
    if (notCompleted) return { ok: false, reason: "not_completed", status: notCompleted[1] };
    if (message.startsWith("Job failed")) return { ok: false, reason: "failed" };
    return { ok: false, reason: "invalid_request", message };
  }
  if (httpStatus === 504) return { ok: false, reason: "timeout" };
  if (httpStatus >= 500) return { ok: false, reason: "unreachable" };
  logger.warn("upstream download-result answered unexpectedly", { jobId, status: httpStatus });
  return { ok: false, reason: "bad_response", httpStatus };
}
