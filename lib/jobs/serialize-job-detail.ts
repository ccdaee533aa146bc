import type { Prisma } from "@/lib/db/generated/client";
import type { TimelineStep, StepState } from "@/lib/workflow/timeline";
import type { StepStatus } from "@/lib/workflow/workflows";
import type { SerializedJob } from "./serialize-job";

// The job page's extras: events as stored (late and duplicate deliveries included), outputs
// without links (links are always fresh, from download-result), and the timeline.
export const jobEventSelect = {
  id: true,
  webhookId: true,
  event: true,
  status: true,
  occurredAt: true,
  receivedAt: true,
  disposition: true,
  payload: true,
} satisfies Prisma.JobEventSelect;
export type JobEventRow = Prisma.JobEventGetPayload<{ select: typeof jobEventSelect }>;

export const jobOutputSelect = { outputIndex: true, sizeBytes: true, kind: true } satisfies Prisma.JobOutputSelect;
export type JobOutputRow = Prisma.JobOutputGetPayload<{ select: typeof jobOutputSelect }>;

export interface SerializedJobEvent {
  id: string;
  webhookId: string;
  event: string;
  status: string;
  occurredAt: string;
  receivedAt: string;
  disposition: JobEventRow["disposition"];
  payload: unknown;
}

export interface SerializedJobOutput {
  outputIndex: number;
  sizeBytes: number;
  kind: JobOutputRow["kind"];
}

export interface SerializedTimelineStep {
  status: StepStatus;
  state: StepState;
  reachedAt: string | null;
  durationMs: number | null;
}

export interface SerializedFailure {
  status: "failed" | "rejected";
  /** The workflow step the job was at when it failed. */
  atStep: StepStatus;
  at: string | null;
  reason: string | null;
}

export interface SerializedJobDetail {
  job: SerializedJob;
  timeline: SerializedTimelineStep[];
  failure: SerializedFailure | null;
  events: SerializedJobEvent[];
  outputs: SerializedJobOutput[];
}

export function serializeJobEvent(row: JobEventRow): SerializedJobEvent {
  return {
    id: row.id,
    webhookId: row.webhookId,
    event: row.event,
    status: row.status,
    occurredAt: row.occurredAt.toISOString(),
    receivedAt: row.receivedAt.toISOString(),
    disposition: row.disposition,
    payload: row.payload,
  };
}

export function serializeJobOutput(row: JobOutputRow): SerializedJobOutput {
  // BIGINT: outputs are far below 2^53 bytes.
  return { outputIndex: row.outputIndex, sizeBytes: Number(row.sizeBytes), kind: row.kind };
}

export function serializeTimelineStep(step: TimelineStep): SerializedTimelineStep {
  return {
    status: step.status,
    state: step.state,
    reachedAt: step.reachedAt?.toISOString() ?? null,
    durationMs: step.durationMs,
  };
}
