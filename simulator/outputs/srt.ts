// SubRip: numbered cues, "HH:MM:SS,mmm --> HH:MM:SS,mmm", text lines, a blank line between cues.
export interface Cue {
  startMs: number;
  endMs: number;
  lines: string[];
}

const TIMING = /^(\d{2}):(\d{2}):(\d{2}),(\d{3}) --> (\d{2}):(\d{2}):(\d{2}),(\d{3})$/;

export function formatTimestamp(ms: number): string {
  const pad = (value: number, width = 2) => String(value).padStart(width, "0");
  const hours = Math.floor(ms / 3_600_000);
  const minutes = Math.floor(ms / 60_000) % 60;
  const seconds = Math.floor(ms / 1000) % 60;
  return `${pad(hours)}:${pad(minutes)}:${pad(seconds)},${pad(ms % 1000, 3)}`;
}

/** Cues as an SRT document, numbered from 1 so each file stands on its own. */
export function formatSrt(cues: readonly Cue[]): string {
  return cues
    .map(
      (cue, i) =>
        `${i + 1}\n${formatTimestamp(cue.startMs)} --> ${formatTimestamp(cue.endMs)}\n${cue.lines.join("\n")}\n`,
    )
    .join("\n");
}

export type SrtParseResult = { ok: true; cues: Cue[] } | { ok: false; error: string };

/** A strict parser: it backs the srtContent validation and the tests that read the simulator's outputs. */
export function parseSrt(text: string): SrtParseResult {
  const normalized = text
    .replace(/^\uFEFF/, "")
    .replace(/\r\n?/g, "\n")
    .trim();
  if (normalized === "") return { ok: false, error: "no cues" };
  const cues: Cue[] = [];
  const blocks = normalized.split(/\n[ \t]*\n/);
  for (const [i, block] of blocks.entries()) {
    const [indexLine, timingLine, ...lines] = block.split("\n");
    const where = `cue ${i + 1}`;
    if (!/^\d+$/.test(indexLine.trim())) return { ok: false, error: `${where}: expected a cue number` };
    const timing = TIMING.exec((timingLine ?? "").trim());
    if (!timing) return { ok: false, error: `${where}: expected "HH:MM:SS,mmm --> HH:MM:SS,mmm"` };
    const [h1, m1, s1, ms1, h2, m2, s2, ms2] = timing.slice(1).map(Number);
    if (m1 > 59 || s1 > 59 || m2 > 59 || s2 > 59) return { ok: false, error: `${where}: invalid timestamp` };
    const startMs = ((h1 * 60 + m1) * 60 + s1) * 1000 + ms1;
    const endMs = ((h2 * 60 + m2) * 60 + s2) * 1000 + ms2;
    if (endMs < startMs) return { ok: false, error: `${where}: ends before it starts` };
    if (lines.length === 0 || lines.every((line) => line.trim() === "")) {
      return { ok: false, error: `${where}: has no text` };
    }
    cues.push({ startMs, endMs, lines });
  }
  return { ok: true, cues };
}

export function countWords(cues: readonly Cue[]): number {
  return cues.reduce((sum, cue) => sum + cue.lines.join(" ").split(/\s+/).filter(Boolean).length, 0);
}

/** Consecutive groups of at most `size` cues: the translate workflow's "context files". */
export function chunkCues(cues: readonly Cue[], size: number): Cue[][] {
  const chunks: Cue[][] = [];
  for (let i = 0; i < cues.length; i += size) chunks.push(cues.slice(i, i + size));
  return chunks;
}
