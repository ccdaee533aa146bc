import type { ApiProduct, StepStatus } from "@/lib/workflow/workflows";

// Response types of the insight routes and pages (stuck jobs, the overview), importable by client
// components (no server code).

/** How long a job usually stays at a step, and when this job is due to leave it. */
export interface JobExpectation {
  /** The step the job is at. */
  step: StepStatus;
  /** When the job reached it (its last forward move). */
  since: string;
  /** What the step usually takes: the workspace's p95 of the last 30 days, or a default. */
  usualMs: number;
  /** `history`: from at least MIN_SAMPLES jobs of the workspace; `default`: too few yet. */
  basis: "history" | "default";
  /** since + usualMs × STUCK_MARGIN: past it, the job is stuck. */
  expectedBy: string;
}

/** p50/p95 of one step of one product, over a range. */
export interface StepDurationStat {
  apiProduct: ApiProduct;
  step: StepStatus;
  samples: number;
  p50Ms: number;
  p95Ms: number;
}
