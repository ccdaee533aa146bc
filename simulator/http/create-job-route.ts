import type { IncomingMessage, ServerResponse } from "node:http";
import type { ApiProduct } from "@/lib/workflow/workflows";
import { parseCreateJobBody } from "../jobs/schemas";
import { readBody, sendError, sendJson } from "./respond";
import type { RouteContext } from "./route-context";

// srtContent travels inline, so bodies may be large; beyond this the vendor would want srtUrl.
const MAX_CREATE_BODY_BYTES = 2 * 1024 * 1024;

const LABELS: Record<ApiProduct, string> = {
  transcribe: "Transcription",
  translate: "Translation",
  voiceover: "Voice-over",
  dub: "Dubbing",
};

/**
 * POST /v1/{product}. Answers 202 Accepted: the job is only queued ("pending"), and its progress
 * arrives by webhook, so there is no created resource to point a Location header at.
 */
export async function handleCreateJob(
  req: IncomingMessage,
  res: ServerResponse,
  ctx: RouteContext,
  apiKey: string,
  product: ApiProduct,
): Promise<void> {
  const body = await readBody(req, MAX_CREATE_BODY_BYTES);
  if (!body.ok) return sendError(res, "PAYLOAD_TOO_LARGE", "Request body exceeds 2 MB; pass large subtitles as srtUrl");
  const parsed = parseCreateJobBody(product, body.text);
  if (!parsed.ok) return sendError(res, "INVALID_REQUEST", parsed.message);
  const job = ctx.engine.createJob(apiKey, product, parsed.value);
  sendJson(res, 202, {
    jobId: job.jobId,
    status: "pending",
    message: `${LABELS[product]} job created. Status changes will be sent to your webhook.`,
  });
}
