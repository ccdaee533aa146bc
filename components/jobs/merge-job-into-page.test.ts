import { describe, expect, it } from "vitest";
import type { JobPage, SerializedJob } from "@/lib/jobs/types";
import { matchesFilters, mergeJobIntoPage } from "./merge-job-into-page";

const job = (id: string, over: Partial<SerializedJob> = {}): SerializedJob => ({
  id,
  apiProduct: "transcribe",
  status: "transcribing",
  state: "in_progress",
  progress: { step: 2, total: 3 },
  duration: null,
  cost: null,
  wordCount: null,
  failureReason: null,
  createdAt: "2026-11-28T10:00:00.000Z",
  updatedAt: "2026-11-28T10:00:00.000Z",
  completedAt: null,
  ...over,
});
const page = (...jobs: SerializedJob[]): JobPage => ({ jobs, nextCursor: null, prevCursor: null });
const completed = job("job_a", { status: "transcribed", state: "completed", progress: { step: 3, total: 3 } });

describe("mergeJobIntoPage", () => {
  it("replaces a listed job in place, keeping the order", () => {
    const verdict = mergeJobIntoPage(page(job("job_b"), job("job_a")), { sort: "newest" }, completed);
    expect(verdict.action).toBe("replace");
    if (verdict.action !== "replace") return;
    expect(verdict.page.jobs.map((row) => row.status)).toEqual(["transcribing", "transcribed"]);
    expect(verdict.previous.state).toBe("in_progress");
  });

  it("refetches a page whose filter the job has left", () => {
    const verdict = mergeJobIntoPage(page(job("job_a")), { sort: "newest", state: "in_progress" }, completed);
    expect(verdict).toMatchObject({ action: "refetch", previous: { id: "job_a" } });
  });

  it("refetches the first page for a job that is new to it", () => {
    expect(mergeJobIntoPage(page(job("job_b")), { sort: "newest", state: "completed" }, completed)).toEqual({
      action: "refetch",
    });
  });

  it("leaves later pages alone (keyset pages do not shift)", () => {
    expect(mergeJobIntoPage(page(job("job_b")), { sort: "newest", after: "cursor" }, completed)).toEqual({
      action: "none",
    });
  });

  it("ignores a job that does not match the page's filters", () => {
    expect(mergeJobIntoPage(page(job("job_b")), { sort: "newest", apiProduct: "dub" }, completed)).toEqual({
      action: "none",
    });
  });
});

describe("matchesFilters", () => {
  it("checks product, state, status and id prefix", () => {
    expect(
      matchesFilters(completed, {
        sort: "newest",
        apiProduct: "transcribe",
        state: "completed",
        status: "transcribed",
        q: "job_",
      }),
    ).toBe(true);
    expect(matchesFilters(completed, { sort: "newest", q: "job_b" })).toBe(false);
    expect(matchesFilters(completed, { sort: "newest", status: "transcribing" })).toBe(false);
  });
});
