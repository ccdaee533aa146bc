// The one place that knows the four workflows of the Jobs API (seed: "Job Statuses").
export const API_PRODUCTS = ["transcribe", "translate", "voiceover", "dub"] as const;
export type ApiProduct = (typeof API_PRODUCTS)[number];

export const FAILURE_STATUSES = ["failed", "rejected"] as const;
export type FailureStatus = (typeof FAILURE_STATUSES)[number];

export const STEP_STATUSES = [
  "created",
  "transcribing",
  "transcribed",
  "translating",
  "translated",
  "dubbing",
  "dubbed",
  "merging",
  "merged",
] as const;
export type StepStatus = (typeof STEP_STATUSES)[number];

export const JOB_STATUSES = [...STEP_STATUSES, ...FAILURE_STATUSES] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export const JOB_EVENTS = ["job.created", "job.processing", "job.completed", "job.failed"] as const;
export type JobEventType = (typeof JOB_EVENTS)[number];

/** The coarse state the Jobs page filters and counts by. */
export const JOB_STATES = ["in_progress", "completed", "failed", "rejected"] as const;
export type JobState = (typeof JOB_STATES)[number];

/** Each workflow's statuses in order; the last one is the completed status. */
export const WORKFLOW_STEPS: Record<ApiProduct, readonly StepStatus[]> = {
  transcribe: ["created", "transcribing", "transcribed"],
  translate: ["created", "transcribing", "transcribed", "translating", "translated"],
  voiceover: ["created", "dubbing", "dubbed", "merging", "merged"],
  dub: [
    "created",
    "transcribing",
    "transcribed",
    "translating",
    "translated",
    "dubbing",
    "dubbed",
    "merging",
    "merged",
  ],
};

/** A translate job whose input is already SRT skips transcription. */
export const TRANSLATE_FROM_SRT_STEPS: readonly StepStatus[] = ["created", "translating", "translated"];

/** Statuses a workflow may skip: their absence from a finished job's history is not a gap. */
export const SKIPPABLE_STEPS: Record<ApiProduct, readonly StepStatus[]> = {
  transcribe: [],
  translate: ["transcribing", "transcribed"],
  voiceover: [],
  dub: [],
};

export function isApiProduct(value: string): value is ApiProduct {
  return (API_PRODUCTS as readonly string[]).includes(value);
}

export function isJobStatus(value: string): value is JobStatus {
  return (JOB_STATUSES as readonly string[]).includes(value);
}

export function isFailureStatus(status: string): status is FailureStatus {
  return (FAILURE_STATUSES as readonly string[]).includes(status);
}

export function completedStatus(product: ApiProduct): StepStatus {
  const steps = WORKFLOW_STEPS[product];
  return steps[steps.length - 1];
}

/** Whether `status` can occur in `product`'s workflow (failure states occur in every one). */
export function belongsToWorkflow(product: ApiProduct, status: JobStatus): boolean {
  return isFailureStatus(status) || (WORKFLOW_STEPS[product] as readonly string[]).includes(status);
}

export function isTerminal(product: ApiProduct, status: JobStatus): boolean {
  return isFailureStatus(status) || status === completedStatus(product);
}

export function stateOf(product: ApiProduct, status: JobStatus): JobState {
  if (status === "failed" || status === "rejected") return status;
  return status === completedStatus(product) ? "completed" : "in_progress";
}

/** The webhook event the upstream sends for a status (seed: "Webhook Events"). */
export function eventForStatus(product: ApiProduct, status: JobStatus): JobEventType {
  if (isFailureStatus(status)) return "job.failed";
  if (status === "created") return "job.created";
  return status === completedStatus(product) ? "job.completed" : "job.processing";
}

/** Zero-based position of a step status in its workflow; -1 for failure states and foreign statuses. */
export function stepIndex(product: ApiProduct, status: JobStatus): number {
  return (WORKFLOW_STEPS[product] as readonly string[]).indexOf(status);
}

/**
 * A total order on one workflow's statuses: steps by position, then the failure states above
 * every step, so a job's stored status only ever moves up this rank.
 */
export function statusRank(product: ApiProduct, status: JobStatus): number {
  if (isFailureStatus(status)) return WORKFLOW_STEPS[product].length;
  return stepIndex(product, status);
}

/** Whether a job at `from` may move to `to`: forward only, never out of a terminal status. */
export function isForward(product: ApiProduct, from: JobStatus, to: JobStatus): boolean {
  if (isTerminal(product, from)) return false;
  if (!belongsToWorkflow(product, to)) return false;
  return statusRank(product, to) > statusRank(product, from);
}

/** "Step n of N" for a status; a failed job reports the last step it reached. */
export function progressOf(
  product: ApiProduct,
  status: JobStatus,
  lastStep: StepStatus = "created",
): { step: number; total: number; fraction: number } {
  const total = WORKFLOW_STEPS[product].length;
  const index = isFailureStatus(status) ? stepIndex(product, lastStep) : stepIndex(product, status);
  const step = Math.max(index, 0) + 1;
  return { step, total, fraction: step / total };
}
