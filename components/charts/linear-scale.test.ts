import { describe, expect, it } from "vitest";
import { linearScale } from "./linear-scale";

describe("linearScale", () => {
  it("maps [0, max] onto the range, rounding the top up to a tick when nice", () => {
    const y = linearScale(87, [200, 0], { nice: true });
    expect(y(0)).toBe(200);
    expect(y(90)).toBe(0);
    expect(y.ticks(4)).toEqual([0, 20, 40, 60, 80]);
  });

  it("keeps the exact top otherwise, and steps by 1, 2 or 5 × a power of ten without dust", () => {
    expect(linearScale(10, [0, 100])(5)).toBe(50);
    expect(linearScale(0.7, [0, 1], { nice: true }).ticks(4)).toEqual([0, 0.2, 0.4, 0.6]);
    expect(linearScale(0.3, [0, 1], { nice: true }).ticks(3)).toEqual([0, 0.1, 0.2, 0.3]);
  });

  it("has a domain of 1 when everything is 0", () => {
    expect(linearScale(0, [100, 0], { nice: true }).ticks(4)).toEqual([0, 0.2, 0.4, 0.6, 0.8, 1]);
  });
});
