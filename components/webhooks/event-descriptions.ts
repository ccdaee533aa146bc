import type { JobEventType } from "@/lib/workflow/workflows";

// What each event means to someone choosing what their endpoint receives.
export const EVENT_DESCRIPTIONS: Record<JobEventType, string> = {
  "job.created": "The Jobs API accepted a job.",
  "job.processing": "A job moved to its next step (transcribing, translating, dubbing…).",
  "job.completed": "A job finished; carries its outputs' download links (valid 1 hour).",
  "job.failed": "A job failed or was rejected.",
};
