import { type ApiProduct, isFailureStatus, type JobStatus, type StepStatus, stepIndex, WORKFLOWS } from "./workflows";

export type StepState = "done" | "current" | "upcoming" | "skipped" | "failed";

export interface TimelineStep {
  status: StepStatus;
  state: StepState;
  /** When the upstream reported this status, if it did. */
  reachedAt: Date | null;
  /** Time from this step being reached to the next reached step (or the failure), in ms. */
  durationMs: number | null;
}

export interface TimelineInput {
  product: ApiProduct;
  status: JobStatus;
  /** Earliest report of each status, from every stored event (late ones included). */
  reached: Partial<Record<JobStatus, Date>>;
}

/**
 * Lays a job's history over its workflow. A step the job got past without ever reporting is
 * "skipped" when the workflow allows skipping it (translate from SRT), otherwise "done" with no time.
 */
export function buildTimeline({ product, status, reached }: TimelineInput): TimelineStep[] {
  const steps = WORKFLOWS[product].steps;
  const failed = isFailureStatus(status);
  const furthestReached = steps.reduce((max, step, index) => (reached[step] ? index : max), 0);
  const currentIndex = failed ? furthestReached : stepIndex(product, status);
  const lastIndex = steps.length - 1;

  const timeline = steps.map((step, index): TimelineStep => {
    const reachedAt = reached[step] ?? null;
    let state: StepState;
    if (index < currentIndex) {
      state = reachedAt || !WORKFLOWS[product].skippable.includes(step) ? "done" : "skipped";
    } else if (index === currentIndex) {
      if (failed) state = "failed";
      else state = index === lastIndex ? "done" : "current";
    } else {
      // After a failure these steps were never reached; the page says so rather than "skipped".
      state = "upcoming";
    }
    return { status: step, state, reachedAt, durationMs: null };
  });

  // Each reached step lasts until the next reached moment: the next step's report or the failure's.
  const failureAt = failed ? (reached[status] ?? null) : null;
  timeline.forEach((entry, index) => {
    if (!entry.reachedAt) return;
    const next = timeline.slice(index + 1).find((later) => later.reachedAt)?.reachedAt ?? failureAt;
    if (next) entry.durationMs = Math.max(0, next.getTime() - entry.reachedAt.getTime());
  });
  return timeline;
}
