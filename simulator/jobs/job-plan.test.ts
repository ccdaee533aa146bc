import { describe, expect, it } from "vitest";
import { WORKFLOWS } from "@/lib/workflow/workflows";
import { costOf, durationOf, planJob, REJECTION_REASONS } from "./job-plan";

const never = { failRate: 0, rejectRate: 0, random: () => 0.5 };
const media = (name: string) => `https://media.example.com/uploads/${name}`;

describe("planJob", () => {
  it("walks the whole workflow when nothing goes wrong", () => {
    for (const product of ["transcribe", "voiceover", "dub"] as const) {
      const plan = planJob(
        product,
        { mediaUrl: media("talk.mp4"), srtUrl: media("talk.srt"), targetLanguage: "es" },
        never,
      );
      expect(plan.statuses).toEqual(WORKFLOWS[product].steps);
    }
  });

  it("skips transcription when translate gets SRT, and only then", () => {
    const fromSrt = ["created", "translating", "translated"];
    expect(planJob("translate", { srtUrl: media("a.srt"), targetLanguage: "es" }, never).statuses).toEqual(fromSrt);
    const srtContent = "1\n00:00:01,000 --> 00:00:02,000\nHi\n";
    expect(planJob("translate", { srtContent, targetLanguage: "es" }, never).statuses).toEqual(fromSrt);
    expect(planJob("translate", { mediaUrl: media("a.mp4"), targetLanguage: "es" }, never).statuses).toEqual(
      WORKFLOWS.translate.steps,
    );
  });

  it("rejects right after created when the file name starts with reject", () => {
    const plan = planJob("dub", { mediaUrl: media("reject-big.mov"), targetLanguage: "es" }, never);
    expect(plan.statuses).toEqual(["created", "rejected"]);
    expect(REJECTION_REASONS).toContain(plan.reason);
  });

  it("fails during a processing step, never at created, when the file name starts with fail", () => {
    for (const name of ["fail.mp4", "failing-audio.mp4", "FAIL-x.mov", "fail-1.mp4", "fail-2.mp4", "fail-3.mp4"]) {
      const plan = planJob("dub", { mediaUrl: media(name), targetLanguage: "es" }, never);
      const failedAt = plan.statuses.at(-2) ?? "";
      expect(plan.statuses.at(-1)).toBe("failed");
      expect(failedAt).toMatch(/ing$/);
      expect(plan.statuses.slice(0, -1)).toEqual(WORKFLOWS.dub.steps.slice(0, plan.statuses.length - 1));
      expect(plan.reason).toMatch(/failed: /);
    }
  });

  it("reads the trigger from srtUrl too", () => {
    const plan = planJob("translate", { srtUrl: media("fail-subs.srt"), targetLanguage: "es" }, never);
    expect(plan.statuses).toEqual(["created", "translating", "failed"]);
  });

  it("applies random rates", () => {
    const input = { mediaUrl: media("ok.mp4") };
    expect(planJob("transcribe", input, { failRate: 0, rejectRate: 1, random: () => 0.5 }).statuses).toEqual([
      "created",
      "rejected",
    ]);
    expect(planJob("transcribe", input, { failRate: 1, rejectRate: 0, random: () => 0.5 }).statuses).toEqual([
      "created",
      "transcribing",
      "failed",
    ]);
  });
});

describe("duration and cost", () => {
  it("derives a stable duration from the URL and prices it per product", () => {
    const input = { mediaUrl: media("talk.mp4") };
    expect(durationOf(input)).toBe(durationOf({ ...input }));
    expect(durationOf(input)).toBeGreaterThanOrEqual(90);
    expect(durationOf(input)).toBeLessThanOrEqual(235);
    expect(costOf("transcribe", 125.5)).toBe(2.51);
  });

  it("takes an SRT input's duration from its last cue", () => {
    expect(durationOf({ srtContent: "1\n00:00:01,000 --> 00:02:05,500\nHi\n" })).toBe(125.5);
  });
});
