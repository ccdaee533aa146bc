import { prisma } from "@/lib/db/client";
import { buildTimeline, type TimelineStep } from "@/lib/workflow/timeline";
import { isFailureStatus, isJobStatus, type JobStatus } from "@/lib/workflow/workflows";
import { jobEventSelect, type JobEventRow } from "./serialize-job-detail";
import type { JobRow } from "./serialize-job";

export interface JobTimeline {
  steps: TimelineStep[];
  /** Every stored event in the order things happened upstream, late and duplicate ones included. */
  events: JobEventRow[];
  /** When the job failed or was rejected, if an event says so. */
  failedAt: Date | null;
}

/** The earliest report of each status: a late event still tells when a step was reached. */
export function reachedFrom(events: Pick<JobEventRow, "status" | "occurredAt" | "disposition">[]) {
  const reached: Partial<Record<JobStatus, Date>> = {};
  for (const event of events) {
    if (event.disposition === "ignored" || !isJobStatus(event.status)) continue;
    const earlier = reached[event.status];
    if (!earlier || event.occurredAt < earlier) reached[event.status] = event.occurredAt;
  }
  return reached;
}

export async function getJobTimeline(workspaceId: string, job: JobRow): Promise<JobTimeline> {
  const events = await prisma.jobEvent.findMany({
    where: { workspaceId, jobId: job.id },
    orderBy: [{ occurredAt: "asc" }, { receivedAt: "asc" }, { id: "asc" }], // id: a total order, whatever the plan
    select: jobEventSelect,
  });
  const reached = reachedFrom(events);
  return {
    steps: buildTimeline({ product: job.apiProduct, status: job.status, reached }),
    events,
    failedAt: isFailureStatus(job.status) ? (reached[job.status] ?? null) : null,
  };
}
