import { beforeEach, describe, expect, it } from "vitest";
import { countStuckJobs } from "@/lib/jobs/count-stuck-jobs";
import { getJobDetail } from "@/lib/jobs/get-job-detail";
import { listJobs } from "@/lib/jobs/list-jobs";
import type { ApiProduct, JobStatus } from "@/lib/workflow/workflows";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { forgetStepExpectations } from "./get-step-expectations";
import { insertJobHistory } from "./testing/insert-job-history";

// Stuck jobs on a controlled clock: every function takes `now`, the history is written with the
// times the test chooses, and the per-process cache is forgotten between steps.
const T0 = Date.UTC(2026, 10, 20, 12, 0);
const MIN = 60_000;
const at = (ms: number) => new Date(T0 + ms);
const insertJob = (workspaceId: string, id: string, apiProduct: ApiProduct, history: Array<[JobStatus, number]>) =>
  insertJobHistory(workspaceId, { id, apiProduct, history: history.map(([status, offset]) => [status, at(offset)]) });

const stuckIds = async (workspaceId: string, now: Date) =>
  (await listJobs(workspaceId, { sort: "newest", limit: 100, stuck: true, now })).jobs.map((job) => job.id);

beforeEach(() => forgetStepExpectations());

describe("stuck jobs", () => {
  it("uses the default until a step has 20 samples: a transcription is stuck after 30 min × 1.5", async () => {
    const ws = (await createTestWorkspace()).id;
    await insertJob(ws, "job_slow", "transcribe", [
      ["created", 0],
      ["transcribing", 1 * MIN],
    ]);
    await insertJob(ws, "job_done", "transcribe", [
      ["created", 0],
      ["transcribing", 1 * MIN],
      ["transcribed", 2 * MIN],
    ]);

    const early = at(40 * MIN);
    expect(await stuckIds(ws, early)).toEqual([]);
    const page = await listJobs(ws, { sort: "newest", limit: 10, now: early });
    const slow = page.jobs.find((job) => job.id === "job_slow")!;
    expect(slow.expectation).toEqual({
      step: "transcribing",
      since: at(1 * MIN).toISOString(),
      usualMs: 30 * MIN,
      basis: "default",
      expectedBy: at(46 * MIN).toISOString(),
    });
    expect(page.jobs.find((job) => job.id === "job_done")!.expectation).toBeNull();

    forgetStepExpectations();
    const late = at(47 * MIN);
    expect(await stuckIds(ws, late)).toEqual(["job_slow"]);
    expect(await countStuckJobs(ws, late)).toEqual({ count: 1, atLeast: false });
    expect((await getJobDetail(ws, "job_slow", {}, late))?.job.expectation?.expectedBy).toBe(
      at(46 * MIN).toISOString(),
    );
  });

  it("learns each step's p95 from the workspace's own history once it has 20 samples", async () => {
    const ws = (await createTestWorkspace()).id;
    // 20 finished transcriptions a day ago whose transcribing step took 1..20 minutes.
    for (let i = 1; i <= 20; i++) {
      const start = -24 * 60 * MIN + i * MIN;
      await insertJob(ws, `job_hist_${i}`, "transcribe", [
        ["created", start],
        ["transcribing", start + MIN],
        ["transcribed", start + MIN + i * MIN],
      ]);
    }
    await insertJob(ws, "job_now", "transcribe", [
      ["created", 0],
      ["transcribing", 1 * MIN],
    ]);

    const page = await listJobs(ws, { sort: "newest", limit: 1, now: at(10 * MIN) });
    const expectation = page.jobs[0].expectation!;
    expect(expectation.basis).toBe("history");
    // p95 of 1..20 minutes (continuous percentile): 19.05 minutes; × 1.5 after reaching the step.
    expect(expectation.usualMs).toBe(19.05 * MIN);
    expect(Date.parse(expectation.expectedBy)).toBe(T0 + MIN + 19.05 * MIN * 1.5);

    forgetStepExpectations();
    expect(await stuckIds(ws, at(29 * MIN))).toEqual([]);
    forgetStepExpectations();
    expect(await stuckIds(ws, at(30 * MIN))).toEqual(["job_now"]);
    // `created` has 21 samples of one minute each: a job created 2 min ago would be stuck, this one moved on.
    expect(
      (await listJobs(ws, { sort: "newest", limit: 100, stuck: true, now: at(30 * MIN), apiProduct: "translate" }))
        .jobs,
    ).toEqual([]);
  });

  it("ignores history older than 30 days and other workspaces' jobs", async () => {
    const ws = (await createTestWorkspace()).id;
    const other = (await createTestWorkspace()).id;
    for (let i = 1; i <= 20; i++) {
      const start = -31 * 24 * 60 * MIN + i * MIN;
      await insertJob(ws, `job_old_${i}`, "dub", [
        ["created", start],
        ["transcribing", start + MIN],
        ["failed", start + 2 * MIN],
      ]);
    }
    await insertJob(ws, "job_mine", "dub", [
      ["created", 0],
      ["transcribing", MIN],
    ]);
    await insertJob(other, "job_theirs", "dub", [
      ["created", 0],
      ["transcribing", MIN],
    ]);

    const now = at(20 * MIN);
    // One-minute history is too old to count: the default (30 min) still holds, nothing is stuck.
    expect((await listJobs(ws, { sort: "newest", limit: 1, now })).jobs[0].expectation?.basis).toBe("default");
    expect(await stuckIds(ws, now)).toEqual([]);

    forgetStepExpectations();
    const later = at(60 * MIN);
    expect(await stuckIds(ws, later)).toEqual(["job_mine"]);
    expect(await stuckIds(other, later)).toEqual(["job_theirs"]);
  });
});
