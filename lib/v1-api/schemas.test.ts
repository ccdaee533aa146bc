import { describe, expect, it } from "vitest";
import { encodeCursor } from "@/lib/jobs/cursor";
import { DEFAULT_PAGE_SIZE, MAX_PAGE_SIZE } from "@/lib/jobs/schemas";
import { v1ListJobsQuerySchema } from "./schemas";

const parse = (query: string) => v1ListJobsQuerySchema.safeParse(Object.fromEntries(new URLSearchParams(query)));

describe("GET /v1/jobs query", () => {
  it("defaults to the first page of 25, no filters", () => {
    expect(parse("")).toEqual({ success: true, data: { limit: DEFAULT_PAGE_SIZE } });
  });

  it("passes the cursor through as the list's `after` and reads limit and filters", () => {
    const cursor = encodeCursor({ createdAt: new Date("2026-11-28T10:00:00Z"), id: "cm3x" });
    expect(parse(`cursor=${cursor}&limit=${MAX_PAGE_SIZE}&apiProduct=translate&status=translating`)).toEqual({
      success: true,
      data: { cursor, limit: MAX_PAGE_SIZE, apiProduct: "translate", status: "translating" },
    });
  });

  it("treats empty values as absent and ignores unknown parameters", () => {
    expect(parse("cursor=&limit=&apiProduct=&status=&foo=bar")).toEqual({
      success: true,
      data: { limit: DEFAULT_PAGE_SIZE },
    });
  });

  it.each([
    "limit=0",
    `limit=${MAX_PAGE_SIZE + 1}`,
    "limit=2.5",
    "limit=ten",
    "apiProduct=subtitle",
    "status=pending",
    `cursor=${"a".repeat(201)}`,
  ])("refuses %s", (query) => {
    expect(parse(query).success).toBe(false);
  });
});
