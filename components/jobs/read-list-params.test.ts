import { describe, expect, it } from "vitest";
import { readListParams, toSearchString } from "./read-list-params";

describe("readListParams", () => {
  it("reads filters, search, sort and one cursor", () => {
    expect(readListParams({ apiProduct: "dub", state: "failed", q: "job_1", sort: "oldest", after: "abc" })).toEqual({
      apiProduct: "dub",
      state: "failed",
      q: "job_1",
      sort: "oldest",
      after: "abc",
    });
  });

  it("drops only the bad values", () => {
    expect(readListParams({ apiProduct: "subtitles", state: "completed", sort: "cost", after: "a b" })).toEqual({
      state: "completed",
      sort: "newest",
    });
  });

  it("prefers after over before", () => {
    expect(readListParams({ after: "x", before: "y" })).toEqual({ sort: "newest", after: "x" });
  });

  it("round-trips through the URL", () => {
    const params = readListParams({ state: "in_progress", q: "job_ab", sort: "oldest" });
    expect(readListParams(Object.fromEntries(new URLSearchParams(toSearchString(params))))).toEqual(params);
    expect(toSearchString({ sort: "newest" })).toBe("");
  });
});
