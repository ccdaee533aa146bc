import { describe, expect, it } from "vitest";
import { DOWNLOAD_MESSAGES } from "@/lib/contract/download-result";
import { DEFAULT_PAGE_SIZE, downloadAllQuerySchema, jobFiltersSchema, listJobsQuerySchema } from "./schemas";

describe("listJobsQuerySchema", () => {
  it("defaults to the newest jobs, a page of 25, no filters", () => {
    expect(listJobsQuerySchema.parse({})).toEqual({ sort: "newest", limit: DEFAULT_PAGE_SIZE });
  });

  it("treats empty strings (cleared controls) as absent", () => {
    const parsed = listJobsQuerySchema.parse({ apiProduct: "", state: "", status: "", q: "  ", sort: "", after: "" });
    expect(parsed).toEqual({ sort: "newest", limit: DEFAULT_PAGE_SIZE });
  });

  it("accepts every filter", () => {
    const parsed = listJobsQuerySchema.parse({
      apiProduct: "dub",
      state: "failed",
      status: "failed",
      q: "job_ab",
      sort: "oldest",
      limit: "100",
    });
    expect(parsed).toMatchObject({
      apiProduct: "dub",
      state: "failed",
      status: "failed",
      q: "job_ab",
      sort: "oldest",
      limit: 100,
    });
  });

  it.each([
    [{ apiProduct: "subtitle" }],
    [{ state: "done" }],
    [{ status: "pending" }],
    [{ sort: "cost" }],
    [{ limit: "0" }],
    [{ limit: "101" }],
    [{ limit: "ten" }],
    [{ q: "job abc" }],
    [{ q: "job_%" }],
    [{ after: "a", before: "b" }],
  ])("refuses %j", (input) => {
    expect(listJobsQuerySchema.safeParse(input).success).toBe(false);
  });

  it("trims the search", () => {
    expect(jobFiltersSchema.parse({ q: " job_1 " }).q).toBe("job_1");
  });
});

describe("downloadAllQuerySchema", () => {
  it("defaults to one hour", () => {
    expect(downloadAllQuerySchema.parse({})).toEqual({ expirationSeconds: 3600 });
  });

  it("reads the query string's number", () => {
    expect(downloadAllQuerySchema.parse({ expirationSeconds: "604800" })).toEqual({ expirationSeconds: 604800 });
  });

  it.each(["59", "604801", "1.5", "soon"])("refuses %s with the documented message", (value) => {
    const parsed = downloadAllQuerySchema.safeParse({ expirationSeconds: value });
    expect(parsed.success).toBe(false);
    expect(parsed.error?.issues[0].message).toBe(DOWNLOAD_MESSAGES.badExpiration);
  });
});
