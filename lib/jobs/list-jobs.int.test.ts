import { describe, expect, it } from "vitest";
import { ApiError } from "@/lib/http/api-error";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { countJobsByState } from "./count-jobs-by-state";
import { encodeCursor } from "./cursor";
import { getJobDetail } from "./get-job-detail";
import { getJobOrThrow } from "./get-job-or-throw";
import { type ListJobsInput, listJobs } from "./list-jobs";
import { insertJobs } from "./testing/insert-test-jobs";

const T = (minute: number) => new Date(Date.UTC(2026, 10, 28, 10, minute));
const query = (input: Partial<ListJobsInput> = {}): ListJobsInput => ({ sort: "newest", limit: 25, ...input });

async function walk(workspaceId: string, input: Partial<ListJobsInput>, direction: "after" | "before" = "after") {
  const seen: string[][] = [];
  let page = await listJobs(workspaceId, query(input));
  seen.push(page.jobs.map((job) => job.id));
  while (page.nextCursor) {
    page = await listJobs(workspaceId, query({ ...input, [direction]: page.nextCursor }));
    seen.push(page.jobs.map((job) => job.id));
  }
  return { seen, last: page };
}

describe("listJobs pagination", () => {
  it("walks every job once, newest first, when many share one createdAt", async () => {
    const ws = (await createTestWorkspace()).id;
    // Seven jobs in the same millisecond, between two others: the id breaks the tie.
    const ids = await insertJobs(ws, [
      { upstreamJobId: "job_old", createdAt: T(0) },
      ...Array.from({ length: 7 }, (_, i) => ({ upstreamJobId: `job_same_${i}`, createdAt: T(5) })),
      { upstreamJobId: "job_new", createdAt: T(9) },
    ]);
    const byRowId = new Map(ids.map((id, i) => [id, i]));
    const expected = [
      "job_new",
      ...ids
        .slice(1, 8)
        .sort()
        .reverse()
        .map((id) => `job_same_${byRowId.get(id)! - 1}`),
      "job_old",
    ];

    const { seen, last } = await walk(ws, { limit: 3 });
    expect(seen.map((page) => page.length)).toEqual([3, 3, 3]);
    expect(seen.flat()).toEqual(expected);
    expect(last.nextCursor).toBeNull();

    // Oldest first is the exact reverse.
    expect((await walk(ws, { limit: 4, sort: "oldest" })).seen.flat()).toEqual([...expected].reverse());
  });

  it("keeps later pages stable when new jobs arrive, and pages back with `before`", async () => {
    const ws = (await createTestWorkspace()).id;
    await insertJobs(
      ws,
      Array.from({ length: 6 }, (_, i) => ({ upstreamJobId: `job_${i}`, createdAt: T(i) })),
    );
    const first = await listJobs(ws, query({ limit: 2 }));
    expect(first.jobs.map((job) => job.id)).toEqual(["job_5", "job_4"]);
    expect(first.prevCursor).toBeNull();

    await insertJobs(ws, [{ upstreamJobId: "job_newest", createdAt: T(30) }]);
    const second = await listJobs(ws, query({ limit: 2, after: first.nextCursor! }));
    expect(second.jobs.map((job) => job.id)).toEqual(["job_3", "job_2"]);

    const back = await listJobs(ws, query({ limit: 2, before: second.prevCursor! }));
    expect(back.jobs.map((job) => job.id)).toEqual(["job_5", "job_4"]);
    // Going back to the start gives a full first page, the new job included.
    const start = await listJobs(ws, query({ limit: 2, before: back.prevCursor ?? second.prevCursor! }));
    expect(start.jobs.map((job) => job.id)).toEqual(["job_newest", "job_5"]);
    expect(start.prevCursor).toBeNull();
  });

  it("refuses a cursor it did not make", async () => {
    const ws = (await createTestWorkspace()).id;
    await expect(listJobs(ws, query({ after: "not-a-cursor" }))).rejects.toMatchObject({ code: "INVALID_REQUEST" });
  });
});

describe("listJobs filters and search", () => {
  it("filters by product, state and exact status, and searches by id prefix (literally)", async () => {
    const ws = (await createTestWorkspace()).id;
    await insertJobs(ws, [
      { upstreamJobId: "job_a1", apiProduct: "dub", status: "merged", createdAt: T(1) },
      { upstreamJobId: "job_a2", apiProduct: "dub", status: "dubbing", createdAt: T(2) },
      { upstreamJobId: "job_b1", apiProduct: "translate", status: "failed", createdAt: T(3) },
      { upstreamJobId: "jobXa3", apiProduct: "transcribe", status: "rejected", createdAt: T(4) },
    ]);
    const ids = async (input: Partial<ListJobsInput>) => (await listJobs(ws, query(input))).jobs.map((job) => job.id);
    expect(await ids({ apiProduct: "dub" })).toEqual(["job_a2", "job_a1"]);
    expect(await ids({ state: "in_progress" })).toEqual(["job_a2"]);
    expect(await ids({ state: "completed" })).toEqual(["job_a1"]);
    expect(await ids({ state: "failed" })).toEqual(["job_b1"]);
    expect(await ids({ state: "rejected" })).toEqual(["jobXa3"]);
    expect(await ids({ status: "dubbing" })).toEqual(["job_a2"]);
    expect(await ids({ apiProduct: "dub", state: "completed" })).toEqual(["job_a1"]);
    // `_` is a LIKE wildcard; the search treats it as the character it is.
    expect(await ids({ q: "job_" })).toEqual(["job_b1", "job_a2", "job_a1"]);
    expect(await ids({ q: "job_a" })).toEqual(["job_a2", "job_a1"]);
    expect(await ids({ q: "job_a1" })).toEqual(["job_a1"]);
    expect(await ids({ q: "job_zz" })).toEqual([]);
  });

  it("counts jobs per state, all included", async () => {
    const ws = (await createTestWorkspace()).id;
    await insertJobs(ws, [
      { upstreamJobId: "job_1", status: "transcribed", createdAt: T(1) },
      { upstreamJobId: "job_2", status: "transcribed", createdAt: T(2) },
      { upstreamJobId: "job_3", status: "transcribing", createdAt: T(3) },
      { upstreamJobId: "job_4", status: "failed", createdAt: T(4) },
    ]);
    expect(await countJobsByState(ws)).toEqual({
      all: { count: 4, atLeast: false },
      in_progress: { count: 1, atLeast: false },
      completed: { count: 2, atLeast: false },
      failed: { count: 1, atLeast: false },
      rejected: { count: 0, atLeast: false },
    });
  });
});

describe("workspace scoping", () => {
  it("treats another workspace's job as not found, everywhere", async () => {
    const owner = (await createTestWorkspace()).id;
    const other = (await createTestWorkspace()).id;
    await insertJobs(owner, [{ upstreamJobId: "job_private", createdAt: T(1) }]);

    const error = await getJobOrThrow(other, "job_private").catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ApiError);
    expect(error).toMatchObject({ code: "RESOURCE_NOT_FOUND", status: 404, message: "Job not found" });
    expect(await getJobDetail(other, "job_private")).toBeNull();
    expect((await listJobs(other, query({ q: "job_private" }))).jobs).toEqual([]);
    expect((await countJobsByState(other)).all.count).toBe(0);
    // A cursor made from the owner's rows reveals nothing in another workspace either.
    const cursor = encodeCursor({ createdAt: T(2), id: "zzz" });
    expect((await listJobs(other, query({ after: cursor }))).jobs).toEqual([]);
    expect((await getJobDetail(owner, "job_private"))?.job.id).toBe("job_private");
  });
});
