import "server-only";
import { prisma } from "@/lib/db/client";
import { buildTimeline, type TimelineStep } from "@/lib/workflow/timeline";
import { isFailureStatus, isJobStatus, JOB_STATUSES, type JobStatus } from "@/lib/workflow/workflows";
import type { JobRow } from "./serialize-job";

export interface JobTimeline {
  steps: TimelineStep[];
  /** When the job failed or was rejected, if an event says so. */
  failedAt: Date | null;
}

/**
 * The job's workflow timeline from the earliest report of each status — a late event still
 * tells when a step was reached — aggregated in the database: one row per status, whatever the
 * number of events, and no payload read.
 */
export async function getJobTimeline(workspaceId: string, job: JobRow): Promise<JobTimeline> {
  const firsts = await prisma.jobEvent.groupBy({
    by: ["status"],
    where: { workspaceId, jobId: job.id, disposition: { not: "ignored" }, status: { in: [...JOB_STATUSES] } },
    _min: { occurredAt: true },
  });
  const reached: Partial<Record<JobStatus, Date>> = {};
  for (const { status, _min } of firsts) if (isJobStatus(status) && _min.occurredAt) reached[status] = _min.occurredAt;
  return {
    steps: buildTimeline({ product: job.apiProduct, status: job.status, reached }),
    failedAt: isFailureStatus(job.status) ? (reached[job.status] ?? null) : null,
  };
}
