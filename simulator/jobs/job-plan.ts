import { type ApiProduct, type JobStatus, type StepStatus, shortestSteps, WORKFLOWS } from "@/lib/workflow/workflows";
import { parseSrt } from "../outputs/srt";
import { hashFraction, pickBy } from "../seeded-hash";
import { fileNameOf } from "./public-url";
import type { JobInput } from "./schemas";

// Decides up front everything a job will go through, so the engine only has to walk a list.

export interface JobPlan {
  /** The workflow's path for this input (translate from SRT skips transcription). */
  steps: readonly StepStatus[];
  /** Every status the job will take, in order, ending in a completed, failed or rejected status. */
  statuses: JobStatus[];
  reason?: string;
  durationSeconds: number;
}

/** Dollars per second of media, so that the documentation's example (125.5 s transcribed) costs 2.51. */
export const PRICE_PER_SECOND: Record<ApiProduct, number> = {
  transcribe: 0.02,
  translate: 0.03,
  voiceover: 0.05,
  dub: 0.12,
};

const FAILURE_REASONS: Partial<Record<StepStatus, string>> = {
  transcribing: "Transcription failed: audio track could not be decoded",
  translating: "Translation failed: subtitles could not be aligned with the source",
  dubbing: "Voice-over generation failed: speech synthesis timed out",
  merging: "Merge failed: video stream could not be remuxed",
};

export const REJECTION_REASONS = [
  "Insufficient balance",
  "File too large: media exceeds the 5 GB limit",
  "Invalid input: media has no audio track",
] as const;

export function isTranslateFromSrt(product: ApiProduct, input: JobInput): boolean {
  return product === "translate" && input.mediaUrl === undefined;
}

export function stepsFor(product: ApiProduct, input: JobInput): readonly StepStatus[] {
  return isTranslateFromSrt(product, input) ? shortestSteps(product) : WORKFLOWS[product].steps;
}

/** What seeds every derived value: the main input's URL, or the SRT text itself. */
export function inputSeed(input: JobInput): string {
  return input.mediaUrl ?? input.srtUrl ?? input.srtContent ?? "";
}

export function durationOf(input: JobInput): number {
  if (input.srtContent !== undefined && input.mediaUrl === undefined) {
    const parsed = parseSrt(input.srtContent);
    const endMs = parsed.ok ? Math.max(...parsed.cues.map((cue) => cue.endMs)) : 0;
    return Math.round(endMs / 100) / 10;
  }
  // 90..235 s: long enough that a synthesized translation spans 2-3 context files.
  return Math.round((90 + hashFraction(inputSeed(input), "duration") * 145) * 10) / 10;
}

export function costOf(product: ApiProduct, durationSeconds: number): number {
  return Math.round(durationSeconds * PRICE_PER_SECOND[product] * 100) / 100;
}

function trigger(input: JobInput): "fail" | "reject" | undefined {
  const names = [input.mediaUrl, input.srtUrl].filter((url) => url !== undefined).map(fileNameOf);
  if (names.some((name) => name.startsWith("reject"))) return "reject";
  if (names.some((name) => name.startsWith("fail"))) return "fail";
  return undefined;
}

export interface PlanSettings {
  failRate: number;
  rejectRate: number;
  random: () => number;
}

export function planJob(product: ApiProduct, input: JobInput, settings: PlanSettings): JobPlan {
  const steps = stepsFor(product, input);
  const durationSeconds = durationOf(input);
  const seed = inputSeed(input);
  const forced = trigger(input);
  const working = steps.filter((status) => status.endsWith("ing"));

  if (forced === "reject" || (!forced && settings.random() < settings.rejectRate)) {
    const reason = forced ? pickBy(REJECTION_REASONS, seed, "reject") : REJECTION_REASONS[0];
    return { steps, statuses: ["created", "rejected"], reason, durationSeconds };
  }
  if (forced === "fail" || settings.random() < settings.failRate) {
    const at = forced ? pickBy(working, seed, "fail") : working[Math.floor(settings.random() * working.length)];
    const statuses: JobStatus[] = [...steps.slice(0, steps.indexOf(at) + 1), "failed"];
    return { steps, statuses, reason: FAILURE_REASONS[at], durationSeconds };
  }
  return { steps, statuses: [...steps], durationSeconds };
}
