import type { Prisma } from "@/lib/db/generated/client";
import type { TimelineStep, StepState } from "@/lib/workflow/timeline";
import type { StepStatus } from "@/lib/workflow/workflows";
import type { SerializedJob } from "./serialize-job";

// The job page's extras: events as stored (late and duplicate deliveries included) — a page at a
// time and without their payloads, which can be large and are loaded one at a time when a row is
// opened (get-job-event-payload.ts) — outputs without links (links are always fresh, from
// download-result), and the timeline.
export const jobEventSelect = {
  id: true,
  webhookId: true,
  event: true,
  status: true,
  occurredAt: true,
  receivedAt: true,
  disposition: true,
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
}

/** Events newest first, a page at a time. */
export interface JobEventPage {
  events: SerializedJobEvent[];
  /** Pass as `before` for the next (older) page; null on the last page. */
  nextCursor: string | null;
}

/** How many events the job has in all, and how many of each kind that did not move it. */
export interface JobEventCounts {
  total: number;
  late: number;
  duplicate: number;
  ignored: number;
}

/** One event's payload as stored, cut at a size the page can show. */
export interface JobEventPayload {
  id: string;
  /** Size of the whole stored payload (JSON text, bytes). */
  sizeBytes: number;
  /** The payload's JSON text, or its first `MAX_PAYLOAD_VIEW_BYTES` when `truncated`. */
  text: string;
  truncated: boolean;
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

/** A job as /v1/jobs/{jobId} shows it too: no events. */
export interface SerializedJobWithTimeline {
  job: SerializedJob;
  timeline: SerializedTimelineStep[];
  failure: SerializedFailure | null;
  outputs: SerializedJobOutput[];
}

export interface SerializedJobDetail extends SerializedJobWithTimeline {
  /** The newest page of events; older ones from GET /api/jobs/{jobId}/events?before=. */
  events: JobEventPage;
  eventCounts: JobEventCounts;
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
