import type { BadgeTone } from "@/components/ui/badge";
import type { StepState } from "@/lib/workflow/timeline";
import type { ApiProduct, JobState, JobStatus } from "@/lib/workflow/workflows";

// The one place that decides how statuses, states and products look; every chip, bar, tab and
// timeline dot reads it.
export const STATUS_LABELS: Record<JobStatus, string> = {
  created: "Created",
  transcribing: "Transcribing",
  transcribed: "Transcribed",
  translating: "Translating",
  translated: "Translated",
  dubbing: "Dubbing",
  dubbed: "Dubbed",
  merging: "Merging",
  merged: "Merged",
  failed: "Failed",
  rejected: "Rejected",
};

export const STATE_LABELS: Record<JobState, string> = {
  in_progress: "In progress",
  completed: "Completed",
  failed: "Failed",
  rejected: "Rejected",
};

export const PRODUCT_LABELS: Record<ApiProduct, string> = {
  transcribe: "Transcribe",
  translate: "Translate",
  voiceover: "Voice-over",
  dub: "Dub",
};

export interface StatusStyle {
  tone: BadgeTone;
  /** A pulsing dot for work happening now. */
  dot: true | "pulse";
  /** The progress bar's fill. */
  bar: string;
}

const STATE_STYLES: Record<JobState, StatusStyle> = {
  in_progress: { tone: "info", dot: "pulse", bar: "bg-info-emphasis" },
  completed: { tone: "success", dot: true, bar: "bg-success-emphasis" },
  failed: { tone: "danger", dot: true, bar: "bg-danger-emphasis" },
  rejected: { tone: "warning", dot: true, bar: "bg-warning-emphasis" },
};

/** A job's look follows its state; `created` is queued, not yet working. */
export function statusStyle(status: JobStatus, state: JobState): StatusStyle {
  if (status === "created") return { tone: "neutral", dot: true, bar: "bg-neutral-emphasis" };
  return STATE_STYLES[state];
}

/** Timeline dots and lines, per step state. */
export const STEP_STYLES: Record<StepState, { dot: string; label: string; text: string }> = {
  done: { dot: "bg-success-emphasis text-white ring-success-emphasis", label: "Done", text: "text-emphasis" },
  current: { dot: "bg-default text-info ring-info-emphasis", label: "In progress", text: "text-emphasis" },
  upcoming: { dot: "bg-default text-muted ring-default", label: "Upcoming", text: "text-muted" },
  skipped: { dot: "bg-subtle text-muted ring-default", label: "Skipped", text: "text-muted" },
  failed: { dot: "bg-danger-emphasis text-white ring-danger-emphasis", label: "Failed", text: "text-danger" },
};
