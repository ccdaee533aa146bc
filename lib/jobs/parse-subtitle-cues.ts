import SrtParser from "srt-parser-2";
import type { SubtitleCue } from "./types";

// SRT text as the subtitle preview lists it, parsed by srt-parser-2, which forgives what editors
// and vendors write (a dot for the comma, short milliseconds, one-digit hours). At most `maxCues`.
export function parseSubtitleCues(text: string, maxCues: number): SubtitleCue[] {
  // BOM and CRLF as editors write them; the parser wants bare newlines.
  const normalized = text.replace(/^\uFEFF/, "").replace(/\r\n?/g, "\n");
  return new SrtParser()
    .fromSrt(normalized)
    .slice(0, maxCues)
    .map((line, position) => ({
      index: Number.parseInt(line.id, 10) || position + 1,
      startMs: Math.round(line.startSeconds * 1000),
      endMs: Math.round(line.endSeconds * 1000),
      text: line.text,
    }));
}
