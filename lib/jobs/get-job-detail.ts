import "server-only";
import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { StepStatus } from "@/lib/workflow/workflows";
import { findJob } from "./find-job";
import { getJobTimeline } from "./get-job-timeline";
import { countJobEvents, type EventListOptions, listFirstEvents, listJobEvents } from "./list-job-events";
import { type JobRow, serializeJob } from "./serialize-job";
import {
  jobOutputSelect,
  type SerializedJobDetail,
  type SerializedJobWithTimeline,
  serializeJobOutput,
  serializeTimelineStep,
} from "./serialize-job-detail";

async function withTimeline(workspaceId: string, job: JobRow): Promise<SerializedJobWithTimeline> {
  const [timeline, outputs] = await Promise.all([
    getJobTimeline(workspaceId, job),
    prisma.jobOutput.findMany({
      where: { jobId: job.id, job: { workspaceId } },
      orderBy: { outputIndex: "asc" },
      select: jobOutputSelect,
    }),
  ]);
  const failedStep = timeline.steps.find((step) => step.state === "failed");
  const lastStep: StepStatus | undefined = failedStep?.status;
  return {
    job: serializeJob(job, lastStep),
    timeline: timeline.steps.map(serializeTimelineStep),
    failure:
      (job.status === "failed" || job.status === "rejected") && failedStep
        ? {
            status: job.status,
            atStep: failedStep.status,
            at: timeline.failedAt?.toISOString() ?? null,
            reason: job.failureReason,
          }
        : null,
    outputs: outputs.map(serializeJobOutput),
  };
}

/** The job with its timeline and outputs — no events, no payloads (/v1/jobs/{jobId}). */
export async function getJobWithTimelineOrThrow(
  workspaceId: string,
  upstreamJobId: string,
): Promise<SerializedJobWithTimeline> {
  const job = await findJob(workspaceId, upstreamJobId);
  if (!job) throw new ApiError("RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound);
  return withTimeline(workspaceId, job);
}

/**
 * Everything the job page shows at first, or null when the workspace has no such job: the newest
 * page of events (without payloads) with their deliveries, the first report of each status, and
 * the counts of all events. Bounded whatever the job holds.
 */
export async function getJobDetail(
  workspaceId: string,
  upstreamJobId: string,
  options: EventListOptions = {},
): Promise<SerializedJobDetail | null> {
  const job = await findJob(workspaceId, upstreamJobId);
  if (!job) return null;
  const [base, events, eventCounts] = await Promise.all([
    withTimeline(workspaceId, job),
    listJobEvents(workspaceId, job.id, undefined, options),
    countJobEvents(workspaceId, job.id),
  ]);
  const firstEvents =
    events.nextCursor === null
      ? []
      : await listFirstEvents(
          workspaceId,
          job.id,
          events.events.map((event) => event.id),
          options,
        );
  return { ...base, events, firstEvents, eventCounts };
}

export async function getJobDetailOrThrow(
  workspaceId: string,
  upstreamJobId: string,
  options: EventListOptions = {},
): Promise<SerializedJobDetail> {
  const detail = await getJobDetail(workspaceId, upstreamJobId, options);
  if (!detail) throw new ApiError("RESOURCE_NOT_FOUND", DOWNLOAD_MESSAGES.notFound);
  return detail;
}
