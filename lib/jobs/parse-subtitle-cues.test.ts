import { describe, expect, it } from "vitest";
import { parseSubtitleCues } from "./parse-subtitle-cues";

describe("parseSubtitleCues", () => {
  it("reads numbered cues with their times and text, multi-line text kept", () => {
    const srt =
      "1\n00:00:01,000 --> 00:00:03,500\nHello there.\n\n2\n00:01:02,250 --> 00:01:04,000\nTwo lines,\nof text.\n";
    expect(parseSubtitleCues(srt, 100)).toEqual([
      { index: 1, startMs: 1_000, endMs: 3_500, text: "Hello there." },
      { index: 2, startMs: 62_250, endMs: 64_000, text: "Two lines,\nof text." },
    ]);
  });

  it("forgives a BOM, CRLF line ends and a dot for the comma", () => {
    const srt = "\uFEFF1\r\n00:00:01.5 --> 00:00:02.000\r\nBonjour\r\n";
    expect(parseSubtitleCues(srt, 100)).toEqual([{ index: 1, startMs: 1_500, endMs: 2_000, text: "Bonjour" }]);
  });

  it("stops at maxCues, and reads nothing from text that is not SRT", () => {
    const srt = Array.from(
      { length: 5 },
      (_, n) => `${n + 1}\n00:00:0${n},000 --> 00:00:0${n},500\nCue ${n + 1}\n`,
    ).join("\n");
    expect(parseSubtitleCues(srt, 3).map((cue) => cue.text)).toEqual(["Cue 1", "Cue 2", "Cue 3"]);
    expect(parseSubtitleCues("<html>not subtitles</html>", 10)).toEqual([]);
  });
});
