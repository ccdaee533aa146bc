import { describe, expect, it } from "vitest";
import { buildTimeline } from "./timeline";

const at = (seconds: number) => new Date(Date.UTC(2025, 11, 7, 12, 0, seconds));

describe("buildTimeline", () => {
  it("marks done, current and upcoming steps with times and durations", () => {
    const timeline = buildTimeline({
      product: "transcribe",
      status: "transcribing",
      reached: { created: at(0), transcribing: at(5) },
    });
    expect(timeline.map((step) => step.state)).toEqual(["done", "current", "upcoming"]);
    expect(timeline[0].durationMs).toBe(5_000);
    expect(timeline[1].durationMs).toBeNull();
  });

  it("a completed job has every step done", () => {
    const timeline = buildTimeline({
      product: "voiceover",
      status: "merged",
      reached: { created: at(0), dubbing: at(1), dubbed: at(2), merging: at(3), merged: at(4) },
    });
    expect(timeline.every((step) => step.state === "done")).toBe(true);
  });

  it("translate from SRT shows transcription as skipped, not missing", () => {
    const timeline = buildTimeline({
      product: "translate",
      status: "translated",
      reached: { created: at(0), translating: at(2), translated: at(9) },
    });
    expect(timeline.map((step) => [step.status, step.state])).toEqual([
      ["created", "done"],
      ["transcribing", "skipped"],
      ["transcribed", "skipped"],
      ["translating", "done"],
      ["translated", "done"],
    ]);
    expect(timeline[0].durationMs).toBe(2_000);
  });

  it("a failed job shows the step it failed at and what was never reached", () => {
    const timeline = buildTimeline({
      product: "dub",
      status: "failed",
      reached: { created: at(0), transcribing: at(1), transcribed: at(3), translating: at(4), failed: at(10) },
    });
    expect(timeline.map((step) => step.state)).toEqual([
      "done",
      "done",
      "done",
      "failed",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
      "upcoming",
    ]);
    expect(timeline[3].durationMs).toBe(6_000);
  });

  it("a rejected job fails at created", () => {
    const timeline = buildTimeline({
      product: "transcribe",
      status: "rejected",
      reached: { created: at(0), rejected: at(1) },
    });
    expect(timeline.map((step) => step.state)).toEqual(["failed", "upcoming", "upcoming"]);
  });
});
