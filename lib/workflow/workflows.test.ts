import { describe, expect, it } from "vitest";
import {
  API_PRODUCTS,
  belongsToWorkflow,
  completedStatus,
  eventForStatus,
  isForward,
  isTerminal,
  JOB_STATUSES,
  progressOf,
  shortestSteps,
  stateOf,
  statusRank,
  stepIndex,
  WORKFLOWS,
} from "./workflows";

// The Jobs API documentation's "Job Statuses" section, restated as the test's own truth.
const SEED: Record<string, string[]> = {
  transcribe: ["created", "transcribing", "transcribed"],
  translate: ["created", "transcribing", "transcribed", "translating", "translated"],
  voiceover: ["created", "dubbing", "dubbed", "merging", "merged"],
  dub: [
    "created",
    "transcribing",
    "transcribed",
    "translating",
    "translated",
    "dubbing",
    "dubbed",
    "merging",
    "merged",
  ],
};

describe("workflow model", () => {
  it.each(API_PRODUCTS)("%s walks the documented statuses in order", (product) => {
    expect(WORKFLOWS[product].steps).toEqual(SEED[product]);
    expect(completedStatus(product)).toBe(SEED[product].at(-1));
  });

  it.each(API_PRODUCTS)("%s maps every status to its event", (product) => {
    const steps = SEED[product];
    steps.forEach((status, index) => {
      const expected = index === 0 ? "job.created" : index === steps.length - 1 ? "job.completed" : "job.processing";
      expect(eventForStatus(product, status as never)).toBe(expected);
    });
    expect(eventForStatus(product, "failed")).toBe("job.failed");
    expect(eventForStatus(product, "rejected")).toBe("job.failed");
  });

  it.each(API_PRODUCTS)("%s gives step n of N and forward-only transitions", (product) => {
    const steps = SEED[product];
    steps.forEach((status, index) => {
      expect(stepIndex(product, status as never)).toBe(index);
      expect(progressOf(product, status as never)).toEqual({
        step: index + 1,
        total: steps.length,
        fraction: (index + 1) / steps.length,
      });
      steps.forEach((other, otherIndex) => {
        const terminal = index === steps.length - 1;
        expect(isForward(product, status as never, other as never)).toBe(!terminal && otherIndex > index);
      });
      const terminal = index === steps.length - 1;
      expect(isForward(product, status as never, "failed")).toBe(!terminal);
      expect(isForward(product, status as never, "rejected")).toBe(!terminal);
    });
  });

  it.each(API_PRODUCTS)("%s: failed and rejected are terminal and rank above every step", (product) => {
    for (const failure of ["failed", "rejected"] as const) {
      expect(isTerminal(product, failure)).toBe(true);
      expect(stateOf(product, failure)).toBe(failure);
      expect(statusRank(product, failure)).toBeGreaterThan(statusRank(product, completedStatus(product)));
      for (const status of JOB_STATUSES) expect(isForward(product, failure, status)).toBe(false);
    }
    expect(isTerminal(product, completedStatus(product))).toBe(true);
    expect(stateOf(product, completedStatus(product))).toBe("completed");
    expect(stateOf(product, "created")).toBe("in_progress");
  });

  it("refuses statuses foreign to a workflow", () => {
    expect(belongsToWorkflow("transcribe", "dubbing")).toBe(false);
    expect(belongsToWorkflow("voiceover", "transcribing")).toBe(false);
    expect(belongsToWorkflow("voiceover", "rejected")).toBe(true);
    expect(isForward("transcribe", "created", "merged")).toBe(false);
  });

  it("knows each workflow's outputs as the Jobs API documents them: one SRT, N numbered SRTs, one video", () => {
    expect(WORKFLOWS.transcribe.output).toEqual({ kind: "srt", indexed: false });
    expect(WORKFLOWS.translate.output).toEqual({ kind: "srt", indexed: true });
    expect(WORKFLOWS.voiceover.output).toEqual({ kind: "video", indexed: false });
    expect(WORKFLOWS.dub.output).toEqual({ kind: "video", indexed: false });
  });

  it.each(API_PRODUCTS)("%s skips only steps of its own, never its first or completed one", (product) => {
    const { steps, skippable, completed } = WORKFLOWS[product];
    expect(completed).toBe(steps.at(-1));
    for (const step of skippable) expect(steps.slice(1, -1)).toContain(step);
  });

  it("translate from SRT is a forward path of the translate workflow", () => {
    expect(shortestSteps("translate")).toEqual(["created", "translating", "translated"]);
    expect(isForward("translate", "created", "translating")).toBe(true);
    expect(isForward("translate", "translating", "translated")).toBe(true);
  });

  it("a failed job reports the last step it reached", () => {
    expect(progressOf("dub", "failed", "translating")).toMatchObject({ step: 4, total: 9 });
    expect(progressOf("transcribe", "rejected")).toMatchObject({ step: 1, total: 3 });
  });
});
