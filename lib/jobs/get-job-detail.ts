import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import type { StepStatus } from "@/lib/workflow/workflows";
import { findJob } from "./get-job-or-throw";
import { getJobTimeline } from "./get-job-timeline";
import { serializeJob } from "./serialize-job";
import {
  jobOutputSelect,
  serializeJobEvent,
  serializeJobOutput,
  serializeTimelineStep,
  type SerializedJobDetail,
} from "./serialize-job-detail";

/** Everything the job page shows, or null when the workspace has no such job. */
export async function getJobDetail(workspaceId: string, upstreamJobId: string): Promise<SerializedJobDetail | null> {
  const job = await findJob(workspaceId, upstreamJobId);
  if (!job) return null;
  const [timeline, outputs] = await Promise.all([
    getJobTimeline(workspaceId, job),
    prisma.jobOutput.findMany({ where: { jobId: job.id, job: { workspaceId } }, orderBy: { outputIndex: "asc" }, select: jobOutputSelect }),
  ]);
  const failedStep = timeline.steps.find((step) => step.state === "failed");
  const lastStep: StepStatus | undefined = failedStep?.status;
  return {
    job: serializeJob(job, lastStep),
    timeline: timeline.steps.map(serializeTimelineStep),
    failure:
      (job.status === "failed" || job.status === "rejected") && failedStep
        ? { status: job.status, atStep: failedStep.status, at: timeline.failedAt?.toISOString() ?? null, reason: job.failureReason }
        : null,
    events: timeline.events.map(serializeJobEvent),
    outputs: outputs.map(serializeJobOutput),
  };
}

export async function getJobDetailOrThrow(workspaceId: string, upstreamJobId: string): Promise<SerializedJobDetail> {
  const detail = await getJobDetail(workspaceId, upstreamJobId);
  if (!detail) throw new ApiError("RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound);
  return detail;
}
