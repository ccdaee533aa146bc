import { describe, expect, it } from "vitest";
import { chunkCues, countWords, formatSrt, formatTimestamp, parseSrt } from "./srt";

const SAMPLE =
  "1\n00:00:01,000 --> 00:00:03,500\nHello there.\n\n2\n00:00:04,000 --> 00:01:02,040\nTwo lines\nof text.\n";

describe("srt", () => {
  it("formats timestamps as HH:MM:SS,mmm", () => {
    expect(formatTimestamp(0)).toBe("00:00:00,000");
    expect(formatTimestamp(3_723_004)).toBe("01:02:03,004");
  });

  it("parses cues and formats them back to the same document", () => {
    const parsed = parseSrt(SAMPLE);
    expect(parsed).toEqual({
      ok: true,
      cues: [
        { startMs: 1000, endMs: 3500, lines: ["Hello there."] },
        { startMs: 4000, endMs: 62_040, lines: ["Two lines", "of text."] },
      ],
    });
    if (parsed.ok) expect(formatSrt(parsed.cues)).toBe(SAMPLE);
  });

  it("accepts CRLF line endings and a byte-order mark", () => {
    const parsed = parseSrt(`\uFEFF${SAMPLE.replace(/\n/g, "\r\n")}`);
    expect(parsed.ok && parsed.cues.length).toBe(2);
  });

  it.each([
    ["", "no cues"],
    ["hello", "cue 1: expected a cue number"],
    ["1\n00:00:01.000 --> 00:00:02,000\nx", 'cue 1: expected "HH:MM:SS,mmm --> HH:MM:SS,mmm"'],
    ["1\n00:00:03,000 --> 00:00:02,000\nx", "cue 1: ends before it starts"],
    ["1\n00:00:01,000 --> 00:00:02,000", "cue 1: has no text"],
    ["1\n00:61:01,000 --> 00:62:02,000\nx", "cue 1: invalid timestamp"],
  ])("refuses %j", (text, error) => {
    expect(parseSrt(text)).toEqual({ ok: false, error });
  });

  it("counts words and chunks cues in order", () => {
    const parsed = parseSrt(SAMPLE);
    if (!parsed.ok) throw new Error(parsed.error);
    expect(countWords(parsed.cues)).toBe(6);
    const chunks = chunkCues(
      Array.from({ length: 45 }, (_, i) => ({ startMs: i, endMs: i + 1, lines: [`${i}`] })),
      20,
    );
    expect(chunks.map((chunk) => chunk.length)).toEqual([20, 20, 5]);
    expect(chunks[2][0].lines).toEqual(["40"]);
  });
});
