import { describe, expect, it } from "vitest";
import { buildExpectationTable, expectationOf, isStuck, MIN_SAMPLES, stuckCutoffs } from "./step-expectations";

const MIN = 60_000;

describe("step expectations", () => {
  it("covers every step but the completed one, with defaults until MIN_SAMPLES", () => {
    const table = buildExpectationTable([
      { apiProduct: "transcribe", step: "transcribing", samples: MIN_SAMPLES, p50Ms: 2 * MIN, p95Ms: 4 * MIN },
      { apiProduct: "dub", step: "dubbing", samples: MIN_SAMPLES - 1, p50Ms: MIN, p95Ms: MIN },
    ]);
    expect(table.transcribe).toEqual({
      created: { usualMs: 5 * MIN, basis: "default" },
      transcribing: { usualMs: 4 * MIN, basis: "history" },
    });
    expect(table.dub.dubbing).toEqual({ usualMs: 30 * MIN, basis: "default" });
    expect(table.dub.merged).toBeUndefined();
    expect(Object.keys(table.voiceover)).toEqual(["created", "dubbing", "dubbed", "merging"]);
  });

  it("never expects less than a second, so same-second steps do not flag everything", () => {
    const table = buildExpectationTable([
      { apiProduct: "transcribe", step: "created", samples: 50, p50Ms: 0, p95Ms: 0 },
    ]);
    expect(table.transcribe.created?.usualMs).toBe(1_000);
  });

  it("gives a job its expected-by time and says when it is past it", () => {
    const table = buildExpectationTable([]);
    const since = new Date(Date.UTC(2026, 0, 1));
    const expectation = expectationOf(table, "translate", "translating", since)!;
    expect(expectation.expectedBy).toBe(new Date(since.getTime() + 45 * MIN).toISOString());
    expect(isStuck(expectation, since.getTime() + 45 * MIN)).toBe(false);
    expect(isStuck(expectation, since.getTime() + 45 * MIN + 1)).toBe(true);
    expect(expectationOf(table, "translate", "translated", since)).toBeNull();
    expect(expectationOf(table, "translate", "failed", since)).toBeNull();
    expect(isStuck(null, Date.now())).toBe(false);
  });

  it("turns the table into per-step cutoffs for the filter", () => {
    const now = new Date(Date.UTC(2026, 0, 1, 12));
    const cutoffs = stuckCutoffs(buildExpectationTable([]), now);
    expect(cutoffs.find((cutoff) => cutoff.apiProduct === "dub" && cutoff.step === "merging")?.reachedBefore).toEqual(
      new Date(now.getTime() - 45 * MIN),
    );
    expect(cutoffs).toHaveLength(2 + 4 + 4 + 8); // every step but each workflow's completed one
  });
});
