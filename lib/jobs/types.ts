import type { EventDelivery } from "@/lib/delivery/types";
import type { StepState } from "@/lib/workflow/timeline";
import type { ApiProduct, JobState, JobStatus, StepStatus } from "@/lib/workflow/workflows";

// Response types of the Jobs routes and pages, importable by client components (no server code).
// The serializers (serialize-job.ts, serialize-job-detail.ts) return exactly these.

/**
 * What the portal's APIs and pages say about a job: explicit fields, ISO dates, plain numbers.
 * `id` is the upstream's job id — the portal's own row id never leaves the server.
 */
export interface SerializedJob {
  id: string;
  apiProduct: ApiProduct;
  status: JobStatus;
  state: JobState;
  /** "Step n of N"; a failed job reports the last step it reached. */
  progress: { step: number; total: number };
  duration: number | null;
  cost: number | null;
  wordCount: number | null;
  failureReason: string | null;
  createdAt: string;
  updatedAt: string;
  completedAt: string | null;
}

/** One page of GET /api/jobs. */
export interface JobPage {
  jobs: SerializedJob[];
  /** Pass as `after` for the next page; null on the last page. */
  nextCursor: string | null;
  /** Pass as `before` for the previous page; null on the first page. */
  prevCursor: string | null;
}

export interface JobCount {
  count: number;
  /** True when there are more than `count` (the cap was reached). */
  atLeast: boolean;
}

/** GET /api/jobs/counts: per state tab, and all. */
export type JobCounts = Record<JobState | "all", JobCount>;

/** What happened to a delivered event when it was stored (the EventDisposition enum). */
export type EventDisposition = "applied" | "late" | "duplicate" | "ignored";

export interface SerializedJobEvent {
  id: string;
  webhookId: string;
  event: string;
  status: string;
  occurredAt: string;
  receivedAt: string;
  disposition: EventDisposition;
}

/** An event on the job page's timeline: both hops — its arrival here, and each endpoint's deliveries of it. */
export interface TimelineEvent extends SerializedJobEvent {
  deliveries: EventDelivery[];
}

/** Events newest first, a page at a time, each with its deliveries. */
export interface JobEventPage {
  events: TimelineEvent[];
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

/** One event's payload as stored, cut at a size the page can show (GET /api/jobs/{jobId}/events/{eventId}). */
export interface JobEventPayload {
  id: string;
  /** Size of the whole stored payload (JSON text, bytes). */
  sizeBytes: number;
  /** The payload's JSON text, or its first `MAX_PAYLOAD_VIEW_BYTES` when `truncated`. */
  text: string;
  truncated: boolean;
}

/** The kind of an output file (the OutputKind enum). */
export type JobOutputKind = "srt" | "video" | "audio";

export interface SerializedJobOutput {
  outputIndex: number;
  sizeBytes: number;
  kind: JobOutputKind;
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

/** GET /api/jobs/{jobId}: the job page's data. */
export interface SerializedJobDetail extends SerializedJobWithTimeline {
  /** The newest page of events; older ones from GET /api/jobs/{jobId}/events?before=. */
  events: JobEventPage;
  /**
   * The earliest event of each status that is not on that page, so that every step of the
   * timeline has its own report however many later events there are.
   */
  firstEvents: TimelineEvent[];
  eventCounts: JobEventCounts;
}

/** One subtitle cue of an SRT output. */
export interface SubtitleCue {
  /** The cue's own number in the file. */
  index: number;
  startMs: number;
  endMs: number;
  text: string;
}

/** GET /api/jobs/{jobId}/outputs/{n}/cues: an SRT output's cues, read by the server. */
export interface OutputCues {
  outputIndex: number;
  sizeBytes: number;
  /** Only the file's start was read (it is larger than the preview reads). */
  truncated: boolean;
  cues: SubtitleCue[];
}

/** GET /api/jobs/{jobId}/outputs/{n}/link: a fresh presigned link to one output. */
export interface OutputLink {
  outputIndex: number;
  url: string;
  expiresAt: string;
  sizeBytes: number;
}
