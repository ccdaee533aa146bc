import { describe, expect, it } from "vitest";
import { bucketStarts, overviewQuerySchema, resolveRange } from "./schemas";

const NOW = new Date(Date.UTC(2026, 10, 30, 15, 42));

describe("overview ranges", () => {
  it("defaults to 7 days and covers whole UTC days up to now", () => {
    const range = resolveRange(overviewQuerySchema.parse({}), NOW);
    expect(range).toEqual({ from: new Date(Date.UTC(2026, 10, 24)), to: NOW, bucket: "day" });
    expect(bucketStarts(range)).toHaveLength(7);
  });

  it("counts the last 24 hours by the hour, from the start of the hour 23 hours ago", () => {
    const range = resolveRange(overviewQuerySchema.parse({ range: "24h" }), NOW);
    expect(range.from).toEqual(new Date(Date.UTC(2026, 10, 29, 16)));
    expect(bucketStarts(range)).toHaveLength(24);
  });

  it("takes a custom range of days, both included, and refuses a reversed or too long one", () => {
    const range = resolveRange(
      overviewQuerySchema.parse({ range: "custom", from: "2026-11-01", to: "2026-11-03" }),
      NOW,
    );
    expect(range).toEqual({
      from: new Date(Date.UTC(2026, 10, 1)),
      to: new Date(Date.UTC(2026, 10, 4)),
      bucket: "day",
    });
    expect(
      overviewQuerySchema.safeParse({ range: "custom", from: "2026-11-03", to: "2026-11-01" }).error?.issues[0]
        ?.message,
    ).toBe("The end date must not be before the start date");
    expect(overviewQuerySchema.safeParse({ range: "custom", from: "2025-01-01", to: "2026-11-01" }).success).toBe(
      false,
    );
    expect(overviewQuerySchema.safeParse({ range: "custom", from: "2026-11-01" }).success).toBe(false);
    expect(overviewQuerySchema.safeParse({ range: "1y" }).success).toBe(false);
  });
});
