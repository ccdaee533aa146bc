import type { SerializedJob } from "@/lib/jobs/types";
import { STATE_LABELS, STATUS_LABELS } from "./status-style";

// What a screen reader hears when the live list changes under it. Only what a sighted user would
// notice at a glance: a job that appears, and a job that finishes (completes, fails, is rejected).
// Each step of a job in progress is left out, or a busy workspace would talk without pause.

/** "Transcribed (completed)", "Failed": the status, and the state when it says more. */
function finished(job: SerializedJob): string {
  const status = STATUS_LABELS[job.status];
  const state = STATE_LABELS[job.state].toLowerCase();
  return status.toLowerCase() === state ? status : `${status} (${state})`;
}

/** One sentence per job that joined the list or changed state; empty when nothing worth saying changed. */
export function describeJobListChanges(previous: SerializedJob[], next: SerializedJob[]): string {
  const before = new Map(previous.map((job) => [job.id, job]));
  const sentences: string[] = [];
  for (const job of next) {
    const old = before.get(job.id);
    if (!old)
      sentences.push(job.status === "created" ? `New job ${job.id}.` : `${job.id}: ${STATUS_LABELS[job.status]}.`);
    else if (old.state !== job.state) sentences.push(`${job.id}: ${finished(job)}.`);
  }
  return sentences.join(" ");
}

/** The job page's sentence when its job moves on: every status, since this is the job being watched. */
export function describeJobStatusChange(previous: SerializedJob, next: SerializedJob): string {
  if (previous.status === next.status) return "";
  return `Status: ${next.state === "in_progress" ? STATUS_LABELS[next.status] : finished(next)}.`;
}
