import { DEFAULT_EXPIRATION_SECONDS } from "@/lib/contract/download-result";
import type { WebhookPayload } from "@/lib/contract/webhook-payload";
import { completedStatus, eventForStatus, isFailureStatus, type JobStatus } from "@/lib/workflow/workflows";
import { isoSeconds } from "../iso-time";
import { presignOutputs } from "../outputs/output-links";
import type { Presigner } from "../outputs/presign";
import type { SimJob } from "./job-store";

/** The Jobs API's webhook payload for one status change; job.completed carries links valid for one hour. */
export function buildWebhookPayload(job: SimJob, status: JobStatus, now: number, presigner: Presigner): WebhookPayload {
  const data: WebhookPayload["data"] = { jobId: job.jobId, status, apiProduct: job.apiProduct };
  if (status === completedStatus(job.apiProduct)) {
    data.duration = job.plan.durationSeconds;
    if (job.wordCount !== undefined) data.wordCount = job.wordCount;
    if (job.cost !== undefined) data.cost = job.cost;
    data.outputs = presignOutputs(job, presigner, DEFAULT_EXPIRATION_SECONDS, now).outputs;
  }
  if (isFailureStatus(status) && job.plan.reason) data.reason = job.plan.reason;
  return { event: eventForStatus(job.apiProduct, status), timestamp: isoSeconds(now), data };
}
