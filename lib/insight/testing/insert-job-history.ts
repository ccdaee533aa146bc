import { randomUUID } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { type ApiProduct, eventForStatus, type JobStatus, stateOf } from "@/lib/workflow/workflows";

// Integration-test support: a job and one applied event per status, at the moments a test
// chooses (ingest is tested elsewhere); the job row ends at the last status.
export interface JobHistory {
  id: string;
  apiProduct: ApiProduct;
  /** Statuses in order with when each was reported; `receivedAt` is the same moment plus `lagMs`. */
  history: Array<[JobStatus, Date]>;
  lagMs?: number;
  cost?: number;
  duration?: number;
  failureReason?: string;
}

/** Inserts the job and its events; returns the job's row id. */
export async function insertJobHistory(workspaceId: string, job: JobHistory): Promise<string> {
  const [status, lastAt] = job.history[job.history.length - 1];
  const jobId = `t${randomUUID().replace(/-/g, "")}`;
  await prisma.job.create({
    data: {
      id: jobId,
      workspaceId,
      upstreamJobId: job.id,
      apiProduct: job.apiProduct,
      status,
      state: stateOf(job.apiProduct, status),
      createdAt: job.history[0][1],
      updatedAt: lastAt,
      cost: job.cost,
      duration: job.duration,
      failureReason: job.failureReason,
    },
  });
  await prisma.jobEvent.createMany({
    data: job.history.map(([eventStatus, occurredAt]) => ({
      workspaceId,
      jobId,
      webhookId: `msg_${randomUUID()}`,
      event: eventForStatus(job.apiProduct, eventStatus),
      status: eventStatus,
      occurredAt,
      receivedAt: new Date(occurredAt.getTime() + (job.lagMs ?? 0)),
      disposition: "applied" as const,
      payload: {},
    })),
  });
  return jobId;
}
