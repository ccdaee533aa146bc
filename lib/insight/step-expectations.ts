import { type ApiProduct, isTerminal, type JobStatus, type StepStatus, WORKFLOWS } from "@/lib/workflow/workflows";
import type { JobExpectation, StepDurationStat } from "./types";

// When is a job late? Each workspace's own history says how long each step of each product
// usually takes (p95 of the last 30 days); a job that has sat at its step longer than that, times
// a margin, is stuck. Until a step has MIN_SAMPLES measurements, a generous default stands in.

/** How far back the history reaches. */
export const HISTORY_DAYS = 30;
/** Measurements of a step needed before the workspace's own p95 replaces the default. */
export const MIN_SAMPLES = 20;
/** A job is stuck past its step's usual time × this: p95 alone would flag one job in twenty. */
export const STUCK_MARGIN = 1.5;

const MINUTE = 60_000;

/**
 * Defaults until there is history: a processing step ("transcribing") may take a while on long
 * media; a finished step ("transcribed") or `created` should hand over to the next one quickly.
 */
export function defaultUsualMs(step: StepStatus): number {
  if (step === "created") return 5 * MINUTE;
  return step.endsWith("ing") ? 30 * MINUTE : 5 * MINUTE;
}

/** Usual duration per product and step: the workspace's p95 where it has enough samples. */
export type ExpectationTable = Record<
  ApiProduct,
  Partial<Record<StepStatus, { usualMs: number; basis: JobExpectation["basis"] }>>
>;

export function buildExpectationTable(stats: StepDurationStat[]): ExpectationTable {
  const table = {} as ExpectationTable;
  for (const [product, workflow] of Object.entries(WORKFLOWS) as Array<[ApiProduct, (typeof WORKFLOWS)[ApiProduct]]>) {
    table[product] = {};
    for (const step of workflow.steps) {
      if (step === workflow.completed) continue;
      const stat = stats.find((entry) => entry.apiProduct === product && entry.step === step);
      table[product][step] =
        stat && stat.samples >= MIN_SAMPLES
          ? // A p95 of zero (steps reported in the same second) would flag every job at once.
            { usualMs: Math.max(stat.p95Ms, 1_000), basis: "history" }
          : { usualMs: defaultUsualMs(step), basis: "default" };
    }
  }
  return table;
}

/** The expectation of a job at `status` since `since`; null for finished jobs. */
export function expectationOf(
  table: ExpectationTable,
  product: ApiProduct,
  status: JobStatus,
  since: Date,
): JobExpectation | null {
  if (isTerminal(product, status)) return null;
  const entry = table[product][status as StepStatus];
  if (!entry) return null;
  return {
    step: status as StepStatus,
    since: since.toISOString(),
    usualMs: entry.usualMs,
    basis: entry.basis,
    expectedBy: new Date(since.getTime() + entry.usualMs * STUCK_MARGIN).toISOString(),
  };
}

/** For the stuck filter: per product and step, jobs that reached it before this moment are stuck. */
export function stuckCutoffs(
  table: ExpectationTable,
  now: Date,
): Array<{ apiProduct: ApiProduct; step: StepStatus; reachedBefore: Date }> {
  return (Object.entries(table) as Array<[ApiProduct, ExpectationTable[ApiProduct]]>).flatMap(([apiProduct, steps]) =>
    (Object.entries(steps) as Array<[StepStatus, { usualMs: number }]>).map(([step, { usualMs }]) => ({
      apiProduct,
      step,
      reachedBefore: new Date(now.getTime() - usualMs * STUCK_MARGIN),
    })),
  );
}

export function isStuck(expectation: Pick<JobExpectation, "expectedBy"> | null | undefined, now: number): boolean {
  return Boolean(expectation) && now > Date.parse(expectation!.expectedBy);
}
