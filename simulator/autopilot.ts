import type { ApiProduct } from "@/lib/workflow/workflows";
import type { JobEngine } from "./jobs/job-engine";
import { type JobInput, validateJobInput } from "./jobs/schemas";
import { synthesizeCues } from "./outputs/generate-outputs";
import { formatSrt } from "./outputs/srt";
import type { Scheduler } from "./scheduler";

// Keeps the demo's Jobs page moving: a steady trickle of realistic jobs, a few of them doomed.

const MEDIA = [
  (n: number) => `https://media.example.com/interviews/ep-${n}.mp4`,
  (n: number) => `https://cdn.example.org/webinars/q${(n % 4) + 1}-roadmap-${n}.mov`,
  (n: number) => `https://assets.example.net/podcasts/episode-${String(n).padStart(3, "0")}.mp3`,
  (n: number) => `https://media.example.com/tutorials/getting-started-part-${n}.webm`,
  (n: number) => `https://cdn.example.org/keynotes/launch-2025-cut-${n}.mp4`,
];
const FAILING = ["fail-corrupted-audio.mp4", "fail-truncated-upload.mov", "failed-render.mp4"];
const REJECTED = ["reject-oversized-master.mov", "reject-no-credit.mp4"];
const TARGETS = ["es", "fr", "de", "pt-BR", "ja"];
const PRODUCTS: ApiProduct[] = ["transcribe", "transcribe", "translate", "translate", "voiceover", "dub", "dub"];

export function buildAutopilotInput(product: ApiProduct, random: () => number): JobInput {
  const pick = <T>(items: readonly T[]) => items[Math.floor(random() * items.length)];
  const n = 1 + Math.floor(random() * 120);
  const roll = random();
  const mediaUrl =
    roll < 0.08
      ? `https://media.example.com/uploads/${pick(FAILING)}`
      : roll < 0.12
        ? `https://media.example.com/uploads/${pick(REJECTED)}`
        : pick(MEDIA)(n);
  const srtUrl = `https://media.example.com/subtitles/ep-${n}.en.srt`;
  const targetLanguage = pick(TARGETS);
  const outputFormat = random() < 0.2 ? ("audio_only" as const) : ("same" as const);

  switch (product) {
    case "transcribe":
      return { mediaUrl, sourceLanguage: "en" };
    case "translate": {
      const source = random();
      if (source < 0.6) return { mediaUrl, sourceLanguage: "en", targetLanguage };
      if (source < 0.85) return { srtUrl, sourceLanguage: "en", targetLanguage };
      return { srtContent: formatSrt(synthesizeCues(srtUrl, 20 + n, "en")), sourceLanguage: "en", targetLanguage };
    }
    case "voiceover":
      return { mediaUrl, srtUrl, outputFormat };
    case "dub":
      return { mediaUrl, sourceLanguage: "en", targetLanguage, outputFormat };
  }
}

/** Creates `perMinute` jobs a minute (wall clock) under `apiKey`; returns the stop function. */
export function startAutopilot(deps: {
  perMinute: number;
  apiKey: string;
  engine: JobEngine;
  scheduler: Scheduler;
  random: () => number;
  log: (line: string) => void;
}): () => void {
  if (deps.perMinute <= 0) return () => {};
  return deps.scheduler.every(60_000 / deps.perMinute, () => {
    const product = PRODUCTS[Math.floor(deps.random() * PRODUCTS.length)];
    const input = validateJobInput(product, buildAutopilotInput(product, deps.random));
    if (!input.ok) return deps.log(`autopilot built an invalid ${product} request: ${input.message}`);
    deps.engine.createJob(deps.apiKey, product, input.value);
  });
}
