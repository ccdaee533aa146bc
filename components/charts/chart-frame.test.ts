import { describe, expect, it } from "vitest";
import { labelCount, plotOf, sparseIndexes } from "./chart-frame";

const sorted = (set: Set<number>) => [...set].sort((a, b) => a - b);

describe("sparseIndexes", () => {
  it("labels every point when they fit", () => {
    expect(sorted(sparseIndexes(7, 7))).toEqual([0, 1, 2, 3, 4, 5, 6]);
  });

  it("spaces the labels evenly, counting back from the last point", () => {
    expect(sorted(sparseIndexes(7, 5))).toEqual([0, 2, 4, 6]);
    expect(sorted(sparseIndexes(24, 7))).toEqual([3, 7, 11, 15, 19, 23]);
    expect(sorted(sparseIndexes(90, 7))).toEqual([14, 29, 44, 59, 74, 89]);
  });
});

describe("labelCount", () => {
  it("gives a narrow chart fewer labels, never fewer than two or more than seven", () => {
    expect(labelCount(plotOf(300))).toBe(3);
    expect(labelCount(plotOf(160))).toBe(2);
    expect(labelCount(plotOf(1200))).toBe(7);
  });
});
