import type { Prisma } from "@/lib/db/generated/client";
import type { TimelineStep } from "@/lib/workflow/timeline";
import type { SerializedJobEvent, SerializedJobOutput, SerializedTimelineStep } from "./types";

// Server importers keep naming the types from here; client code imports them from ./types.
export type {
  JobEventCounts,
  JobEventPage,
  JobEventPayload,
  SerializedFailure,
  SerializedJobDetail,
  SerializedJobEvent,
  SerializedJobOutput,
  SerializedJobWithTimeline,
  SerializedTimelineStep,
  TimelineEvent,
} from "./types";

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
