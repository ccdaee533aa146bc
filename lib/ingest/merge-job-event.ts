import { type ApiProduct, isForward, type JobState, type JobStatus } from "@/lib/workflow/workflows";
import type { EventInput, OutputInput } from "./build-event-input";

// The rules apply-events' SQL statement implements, as a pure function: the executable
// specification the SQL is tested against (all 9! orders of a dub job's events here; samples and
// an exhaustive subset-lattice check through the database in the integration tests).
export type EventDisposition = "applied" | "late" | "duplicate" | "ignored";

export interface JobSnapshot {
  apiProduct: ApiProduct;
  status: JobStatus;
  state: JobState;
  /** Epoch ms. */
  createdAt: number;
  updatedAt: number;
  completedAt: number | null;
  failureReason: string | null;
  duration: number | null;
  cost: number | null;
  wordCount: number | null;
  outputs: OutputInput[];
}

/** PostgreSQL's LEAST/GREATEST: nulls are ignored, so an event without a figure never erases it. */
function greatest(a: number | null, b: number | null): number | null {
  if (a === null) return b;
  return b === null ? a : Math.max(a, b);
}

/**
 * What one (new, not yet stored) event does to a job: `disposition` null means the event is
 * acknowledged but not stored (a future event type for a job never seen).
 */
export function mergeJobEvent(
  job: JobSnapshot | null,
  event: EventInput,
): { job: JobSnapshot | null; disposition: EventDisposition | null } {
  const at = Date.parse(event.occurredAt);
  if (event.status === null || event.state === null) {
    return { job, disposition: job ? "ignored" : null };
  }
  if (!job) {
    return {
      disposition: "applied",
      job: {
        apiProduct: event.apiProduct,
        status: event.status,
        state: event.state,
        createdAt: at,
        updatedAt: at,
        completedAt: event.completedAt === null ? null : Date.parse(event.completedAt),
        failureReason: event.failureReason,
        duration: event.duration,
        cost: event.cost,
        wordCount: event.wordCount,
        outputs: event.outputs,
      },
    };
  }
  if (job.apiProduct !== event.apiProduct) return { job, disposition: "ignored" };

  const disposition: EventDisposition =
    job.status === event.status
      ? "duplicate"
      : isForward(job.apiProduct, job.status, event.status)
        ? "applied"
        : "late";
  // Order-independent merges, whatever the disposition: the earliest timestamp, the largest figures.
  const merged: JobSnapshot = {
    ...job,
    createdAt: Math.min(job.createdAt, at),
    duration: greatest(job.duration, event.duration),
    cost: greatest(job.cost, event.cost),
    wordCount: greatest(job.wordCount, event.wordCount),
  };
  if (disposition !== "applied") return { job: merged, disposition };

  const replaced = new Set(event.outputs.map((output) => output.outputIndex));
  return {
    disposition,
    job: {
      ...merged,
      status: event.status,
      state: event.state,
      updatedAt: at,
      completedAt: event.completedAt === null ? null : Date.parse(event.completedAt),
      failureReason: event.failureReason,
      outputs: [...job.outputs.filter((output) => !replaced.has(output.outputIndex)), ...event.outputs].sort(
        (a, b) => a.outputIndex - b.outputIndex,
      ),
    },
  };
}
