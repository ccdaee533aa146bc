// The one place that knows the four workflows of the Jobs API (its documentation, "Job Statuses").
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

/** What a completed job offers for download: subtitles (SRT), a video, or an audio track. */
export const OUTPUT_KINDS = ["srt", "video", "audio"] as const;
export type OutputKind = (typeof OUTPUT_KINDS)[number];

export interface Workflow {
  /** The statuses in order (Jobs API documentation, "Job Statuses"); the last one is `completed`. */
  steps: readonly StepStatus[];
  /** Steps a job may never report: their absence from a finished job's history is not a gap. */
  skippable: readonly StepStatus[];
  /** The status that means done (the documented job.completed's `status`). */
  completed: StepStatus;
  /**
   * The outputs (Jobs API documentation, "Output Files by Workflow"): their usual kind, and
   * whether they are N files numbered by `outputIndex` (translate's context files) rather than
   * one file without an index.
   * Voiceover and dub may also deliver audio only; a link's own extension says so.
   */
  output: { kind: OutputKind; indexed: boolean };
}

/** The four workflows: everything the portal, the simulator, the benchmarks and the tests know about each. */
export const WORKFLOWS: Record<ApiProduct, Workflow> = {
  transcribe: {
    steps: ["created", "transcribing", "transcribed"],
    skippable: [],
    completed: "transcribed",
    output: { kind: "srt", indexed: false },
  },
  translate: {
    steps: ["created", "transcribing", "transcribed", "translating", "translated"],
    // A translate job whose input is already SRT skips transcription.
    skippable: ["transcribing", "transcribed"],
    completed: "translated",
    output: { kind: "srt", indexed: true },
  },
  voiceover: {
    steps: ["created", "dubbing", "dubbed", "merging", "merged"],
    skippable: [],
    completed: "merged",
    output: { kind: "video", indexed: false },
  },
  dub: {
    steps: [
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
    skippable: [],
    completed: "merged",
    output: { kind: "video", indexed: false },
  },
};

/** A workflow's path when every skippable step is skipped (translate from SRT: created, translating, translated). */
export function shortestSteps(product: ApiProduct): readonly StepStatus[] {
  const { steps, skippable } = WORKFLOWS[product];
  return steps.filter((step) => !skippable.includes(step));
}

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
  return WORKFLOWS[product].completed;
}

/** Whether `status` can occur in `product`'s workflow (failure states occur in every one). */
export function belongsToWorkflow(product: ApiProduct, status: JobStatus): boolean {
  return isFailureStatus(status) || (WORKFLOWS[product].steps as readonly string[]).includes(status);
}

export function isTerminal(product: ApiProduct, status: JobStatus): boolean {
  return isFailureStatus(status) || status === completedStatus(product);
}

export function stateOf(product: ApiProduct, status: JobStatus): JobState {
  if (status === "failed" || status === "rejected") return status;
  return status === completedStatus(product) ? "completed" : "in_progress";
}

/** The webhook event the upstream sends for a status (Jobs API documentation, "Webhook Events"). */
export function eventForStatus(product: ApiProduct, status: JobStatus): JobEventType {
  if (isFailureStatus(status)) return "job.failed";
  if (status === "created") return "job.created";
  return status === completedStatus(product) ? "job.completed" : "job.processing";
}

/** Zero-based position of a step status in its workflow; -1 for failure states and foreign statuses. */
export function stepIndex(product: ApiProduct, status: JobStatus): number {
  return (WORKFLOWS[product].steps as readonly string[]).indexOf(status);
}

/**
 * A total order on one workflow's statuses: steps by position, then the failure states above
 * every step, so a job's stored status only ever moves up this rank.
 */
export function statusRank(product: ApiProduct, status: JobStatus): number {
  if (isFailureStatus(status)) return WORKFLOWS[product].steps.length;
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
  const total = WORKFLOWS[product].steps.length;
  const index = isFailureStatus(status) ? stepIndex(product, lastStep) : stepIndex(product, status);
  const step = Math.max(index, 0) + 1;
  return { step, total, fraction: step / total };
}
