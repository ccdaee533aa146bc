import { readFile } from "node:fs/promises";
import { type ApiProduct, WORKFLOWS } from "@/lib/workflow/workflows";
import { inputSeed } from "../jobs/job-plan";
import type { JobInput } from "../jobs/schemas";
import { hashFraction } from "../seeded-hash";
import { PHRASE_COUNT, phrase, translateLine } from "./phrases";
import { type Cue, chunkCues, countWords, formatSrt, parseSrt } from "./srt";

// The files a completed job offers for download, generated from its input.

export interface StoredOutput {
  /** File name in the job's folder, also the download's file name. */
  name: string;
  contentType: string;
  body: Buffer;
  /** Position among a translate job's context files; absent for every other workflow. */
  outputIndex?: number;
}

export interface Fixtures {
  video: Buffer;
  audio: Buffer;
}

/** How many cues one translate context file holds. */
export const CUES_PER_CONTEXT_FILE = 20;
const CUE_SPACING_MS = 4_000;

export async function loadFixtures(): Promise<Fixtures> {
  const [video, audio] = await Promise.all([
    readFile(new URL("../fixtures/sample.mp4", import.meta.url)),
    readFile(new URL("../fixtures/sample.m4a", import.meta.url)),
  ]);
  return { video, audio };
}

/** A plausible transcript for media the simulator never downloads, stable per URL. */
export function synthesizeCues(seed: string, durationSeconds: number, language: string | undefined): Cue[] {
  const count = Math.max(1, Math.floor((durationSeconds * 1000) / CUE_SPACING_MS));
  return Array.from({ length: count }, (_, i) => {
    const startMs = i * CUE_SPACING_MS + Math.floor(hashFraction(seed, i, "start") * 300);
    const endMs = startMs + 2_400 + Math.floor(hashFraction(seed, i, "end") * 1_200);
    const line = phrase(Math.floor(hashFraction(seed, i, "line") * PHRASE_COUNT), language);
    return { startMs, endMs, lines: [line] };
  });
}

export function sourceCues(input: JobInput, durationSeconds: number): Cue[] {
  if (input.srtContent !== undefined) {
    const parsed = parseSrt(input.srtContent);
    if (parsed.ok) return parsed.cues;
  }
  return synthesizeCues(inputSeed(input), durationSeconds, input.sourceLanguage);
}

export interface GeneratedOutputs {
  outputs: StoredOutput[];
  wordCount?: number;
}

/** The files of a completed job, shaped as its workflow's outputs are (lib/workflow's WORKFLOWS). */
export function generateOutputs(
  product: ApiProduct,
  input: JobInput,
  durationSeconds: number,
  fixtures: Fixtures,
): GeneratedOutputs {
  const { steps, output } = WORKFLOWS[product];
  if (output.kind !== "srt") {
    // The merged video, or only its audio track when the job asked for that.
    return {
      outputs: [
        input.outputFormat === "audio_only"
          ? { name: "output.m4a", contentType: "audio/mp4", body: fixtures.audio }
          : { name: "output.mp4", contentType: "video/mp4", body: fixtures.video },
      ],
    };
  }
  const cues = sourceCues(input, durationSeconds);
  const translates = steps.includes("translating");
  const target = input.targetLanguage ?? "en";
  const text = translates
    ? cues.map((cue) => ({ ...cue, lines: cue.lines.map((line) => translateLine(line, target)) }))
    : cues;
  const base = translates ? "translation" : "transcript";
  const srt = (name: string, chunk: Cue[], outputIndex?: number): StoredOutput => ({
    name,
    contentType: "application/x-subrip",
    body: Buffer.from(formatSrt(chunk), "utf8"),
    ...(outputIndex === undefined ? {} : { outputIndex }),
  });
  const outputs = output.indexed
    ? chunkCues(text, CUES_PER_CONTEXT_FILE).map((chunk, i) => srt(`${base}_${i}.srt`, chunk, i))
    : [srt(`${base}.srt`, text)];
  return { outputs, wordCount: countWords(cues) };
}
