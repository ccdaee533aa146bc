import {
  type ApiProduct,
  completedStatus,
  isFailureStatus,
  type JobState,
  type JobStatus,
  type OutputKind,
  stateOf,
} from "@/lib/workflow/workflows";
import { redactPresignedUrls } from "./redact-presigned-urls";
import type { IngestPayload } from "./schemas";

export interface OutputInput {
  outputIndex: number;
  sizeBytes: number;
  kind: OutputKind;
}

/** Everything apply-events writes for one event, decided before the database is asked. */
export interface EventInput {
  workspaceId: string;
  webhookId: string;
  event: string;
  upstreamJobId: string;
  apiProduct: ApiProduct;
  /** The status the event moves the job to; null for an event type this portal does not know. */
  status: JobStatus | null;
  /** The status as sent (kept on the event row); "" when a future event names none. */
  statusText: string;
  /** The event's timestamp, UTC ISO with milliseconds (the columns' precision). */
  occurredAt: string;
  /** What the job looks like if the event moves it: stateOf, completedAt, failureReason. */
  state: JobState | null;
  completedAt: string | null;
  failureReason: string | null;
  duration: number | null;
  cost: number | null;
  wordCount: number | null;
  /** Recorded when a job.completed event is applied. */
  outputs: OutputInput[];
  /** The payload as received, with the presigned URLs' query strings removed. */
  payload: unknown;
}

const AUDIO_EXTENSIONS = new Set([".m4a", ".mp3", ".aac", ".wav"]);

/** The kind of an output, from its URL path's extension: .srt, audio, else video. */
export function outputKindOf(url: string): OutputKind {
  const path = new URL(url).pathname.toLowerCase();
  const fileName = path.slice(path.lastIndexOf("/") + 1);
  const dot = fileName.lastIndexOf(".");
  const extension = dot >= 0 ? fileName.slice(dot) : "";
  if (extension === ".srt") return "srt";
  return AUDIO_EXTENSIONS.has(extension) ? "audio" : "video";
}

export function buildEventInput(
  target: { workspaceId: string; webhookId: string },
  parsed: IngestPayload,
  raw: unknown,
): EventInput {
  const occurredAt = new Date(parsed.payload.timestamp).toISOString();
  const base = {
    ...target,
    event: parsed.payload.event,
    upstreamJobId: parsed.payload.data.jobId,
    apiProduct: parsed.payload.data.apiProduct,
    occurredAt,
    payload: redactPresignedUrls(raw),
  };
  if (parsed.kind === "future") {
    const statusText = parsed.payload.data.status ?? "";
    return {
      ...base,
      status: null,
      statusText,
      state: null,
      completedAt: null,
      failureReason: null,
      duration: null,
      cost: null,
      wordCount: null,
      outputs: [],
    };
  }

  const { apiProduct, status, duration, cost, wordCount, outputs = [], reason } = parsed.payload.data;
  const completes = status === completedStatus(apiProduct);
  return {
    ...base,
    status,
    statusText: status,
    state: stateOf(apiProduct, status),
    completedAt: completes ? occurredAt : null,
    failureReason: isFailureStatus(status) ? (reason ?? null) : null,
    duration: duration ?? null,
    cost: cost ?? null,
    wordCount: wordCount ?? null,
    // A single output may leave outputIndex out: it is output 0 (its position, in general).
    outputs: completes
      ? outputs.map((output, position) => ({
          outputIndex: output.outputIndex ?? position,
          sizeBytes: output.sizeBytes,
          kind: outputKindOf(output.url),
        }))
      : [],
  };
}
