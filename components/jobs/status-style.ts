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
  in_progress: { tone: "info", dot: "pulse", bar: "bg-sky-500" },
  completed: { tone: "success", dot: true, bar: "bg-emerald-500" },
  failed: { tone: "danger", dot: true, bar: "bg-red-500" },
  rejected: { tone: "warning", dot: true, bar: "bg-amber-500" },
};

/** A job's look follows its state; `created` is queued, not yet working. */
export function statusStyle(status: JobStatus, state: JobState): StatusStyle {
  if (status === "created") return { tone: "neutral", dot: true, bar: "bg-zinc-400" };
  return STATE_STYLES[state];
}

/** Timeline dots and lines, per step state. */
export const STEP_STYLES: Record<StepState, { dot: string; label: string; text: string }> = {
  done: { dot: "bg-emerald-500 text-white ring-emerald-500", label: "Done", text: "text-zinc-900 dark:text-zinc-100" },
  current: { dot: "bg-white text-sky-600 ring-sky-500 dark:bg-zinc-900 dark:text-sky-400", label: "In progress", text: "text-zinc-900 dark:text-zinc-100" },
  upcoming: { dot: "bg-white text-zinc-300 ring-zinc-300 dark:bg-zinc-900 dark:text-zinc-600 dark:ring-zinc-700", label: "Upcoming", text: "text-zinc-400 dark:text-zinc-500" },
  skipped: { dot: "bg-zinc-100 text-zinc-400 ring-zinc-300 dark:bg-zinc-800 dark:text-zinc-500 dark:ring-zinc-700", label: "Skipped", text: "text-zinc-400 dark:text-zinc-500" },
  failed: { dot: "bg-red-500 text-white ring-red-500", label: "Failed", text: "text-red-700 dark:text-red-400" },
};
