import type { ApiProduct, JobState, StepStatus } from "@/lib/workflow/workflows";

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

/** One hour or day of the overview. */
export interface OverviewBucket {
  /** The bucket's start (ISO). */
  start: string;
  /** Jobs created in the bucket, by product and by where they are now. */
  byProduct: Record<ApiProduct, Record<JobState, number>>;
  jobs: number;
  completed: number;
  failed: number;
  rejected: number;
  /** completed / (completed + failed + rejected); null when none finished. */
  successRate: number | null;
  cost: number;
  mediaSeconds: number;
}

export interface OverviewTotals {
  jobs: number;
  completed: number;
  failed: number;
  rejected: number;
  inProgress: number;
  successRate: number | null;
  cost: number;
  mediaSeconds: number;
}

/** Upstream event time to its arrival at the portal. */
export interface ArrivalLag {
  samples: number;
  p50Ms: number;
  p95Ms: number;
}

export interface EndpointHealth {
  endpointId: string;
  url: string;
  enabled: boolean;
  succeeded: number;
  failed: number;
  /** Waiting for a first or next attempt. */
  pending: number;
  /**
   * The overview read as many of this endpoint's deliveries as it reads at most (DELIVERY_SAMPLE):
   * the figures are those of its newest deliveries in the range, which may hold more.
   */
  sampled: boolean;
  /** succeeded / (succeeded + failed); null when none finished. */
  successRate: number | null;
  /** From the event's enqueueing to its successful delivery, retries included. */
  p50Ms: number | null;
  p95Ms: number | null;
}

/** GET /api/overview. */
export interface OverviewData {
  range: { from: string; to: string; bucket: "hour" | "day" };
  buckets: OverviewBucket[];
  totals: OverviewTotals;
  stepDurations: StepDurationStat[];
  arrivalLag: ArrivalLag | null;
  deliveries: EndpointHealth[];
}
