import { describe, expect, it } from "vitest";
import { createId } from "./create-id";

describe("createId", () => {
  it("makes cuid-shaped ids that do not repeat across refills of its random block", () => {
    const ids = Array.from({ length: 2_000 }, createId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const id of ids) expect(id).toMatch(/^c[0-9a-z]{24}$/);
  });
});
