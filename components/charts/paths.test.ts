import { describe, expect, it } from "vitest";
import { areaPath, linePath } from "./paths";

describe("linePath and areaPath", () => {
  it("draw one run through every point", () => {
    const points = [
      { x: 0, y: 10 },
      { x: 5, y: 20 },
      { x: 10, y: 15 },
    ];
    expect(linePath(points)).toBe("M0,10L5,20L10,15");
    expect(areaPath(points, 100)).toBe("M0,10L5,20L10,15L10,100L0,100Z");
  });

  it("break where a value is missing, and leave a lone point to its dot", () => {
    const points = [
      { x: 0, y: 1 },
      { x: 1, y: 2 },
      { x: 2, y: null },
      { x: 3, y: 4 },
      { x: 4, y: null },
      { x: 5, y: 6 },
      { x: 6, y: 7 },
    ];
    expect(linePath(points)).toBe("M0,1L1,2M5,6L6,7");
    expect(areaPath(points, 9)).toBe("M0,1L1,2L1,9L0,9ZM5,6L6,7L6,9L5,9Z");
    expect(linePath([{ x: 0, y: null }])).toBe("");
  });
});
