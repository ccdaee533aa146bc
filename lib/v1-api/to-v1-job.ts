import type { SerializedJob } from "@/lib/jobs/serialize-job";
import type { V1Job } from "./schemas";

/** The job as the /v1 API shows it: `jobId` like the webhook payloads, fields picked one by one. */
export function toV1Job(job: SerializedJob): V1Job {
  return {
    jobId: job.id,
    apiProduct: job.apiProduct,
    status: job.status,
    state: job.state,
    progress: job.progress,
    duration: job.duration,
    cost: job.cost,
    wordCount: job.wordCount,
    failureReason: job.failureReason,
    createdAt: job.createdAt,
    updatedAt: job.updatedAt,
    completedAt: job.completedAt,
  };
}
