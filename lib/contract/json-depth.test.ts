import { describe, expect, it } from "vitest";
import { exceedsJsonDepth, MAX_PAYLOAD_DEPTH } from "./json-depth";

const nestedArrays = (levels: number) => JSON.parse("[".repeat(levels) + "]".repeat(levels)) as unknown;
function nestedObjects(levels: number): unknown {
  let value: unknown = {};
  for (let i = 1; i < levels; i += 1) value = { a: value };
  return value;
}

describe("exceedsJsonDepth", () => {
  it("counts the value itself as level 1, scalars as no level", () => {
    expect(exceedsJsonDepth("text", 0)).toBe(false);
    expect(exceedsJsonDepth({}, 1)).toBe(false);
    expect(exceedsJsonDepth({ a: [1] }, 1)).toBe(true);
    expect(exceedsJsonDepth({ a: [1] }, 2)).toBe(false);
  });

  it.each([nestedArrays, nestedObjects])("allows exactly the limit (%o)", (build) => {
    expect(exceedsJsonDepth(build(MAX_PAYLOAD_DEPTH), MAX_PAYLOAD_DEPTH)).toBe(false);
    expect(exceedsJsonDepth(build(MAX_PAYLOAD_DEPTH + 1), MAX_PAYLOAD_DEPTH)).toBe(true);
  });

  it("measures a million levels without overflowing the stack", () => {
    expect(exceedsJsonDepth(nestedArrays(1_000_000), MAX_PAYLOAD_DEPTH)).toBe(true);
    expect(exceedsJsonDepth(nestedObjects(200_000), MAX_PAYLOAD_DEPTH)).toBe(true);
  });

  it("finds the one deep branch among wide shallow ones", () => {
    const wide = { data: Array.from({ length: 10_000 }, (_, i) => ({ i })), deep: nestedArrays(70) };
    expect(exceedsJsonDepth(wide, MAX_PAYLOAD_DEPTH)).toBe(true);
  });
});
