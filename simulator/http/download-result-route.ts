import type { IncomingMessage, ServerResponse } from "node:http";
import {
  DOWNLOAD_MESSAGES,
  type DownloadResultResponse,
  parseDownloadResultBody,
} from "@/lib/contract/download-result";
import { completedStatus, isFailureStatus } from "@/lib/workflow/workflows";
import { presignOutputs } from "../outputs/output-links";
import { readBody, sendError, sendJson } from "./respond";
import type { RouteContext } from "./route-context";

const MAX_BODY_BYTES = 16 * 1024;

/** POST /v1/jobs/{jobId}/download-result, to the letter of the Jobs API's documentation. */
export async function handleDownloadResult(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  apiKey: string,
  jobId: string,
): Promise<void> {
  const body = await readBody(req, MAX_BODY_BYTES);
  if (!body.ok) return sendError(res, "PAYLOAD_TOO_LARGE", "Request body too large");
  const parsed = parseDownloadResultBody(body.text);
  if (!parsed.ok) return sendError(res, "INVALID_REQUEST", parsed.message);

  // Another key's job is indistinguishable from a missing one.
  const job = ctx.store.getForKey(jobId, apiKey);
  if (!job) return sendError(res, "RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound);
  if (isFailureStatus(job.status)) return sendError(res, "INVALID_REQUEST", DOWNLOAD_MESSAGES.failed);
  if (job.status !== completedStatus(job.apiProduct)) {
    return sendError(res, "INVALID_REQUEST", DOWNLOAD_MESSAGES.notCompleted(job.status));
  }

  const links = presignOutputs(job, ctx.presigner, parsed.value.expirationSeconds, ctx.now());
  const response: DownloadResultResponse = {
    jobId: job.jobId,
    apiProduct: job.apiProduct,
    expiresAt: links.expiresAt,
    outputs: links.outputs,
  };
  sendJson(res, 200, response);
}
