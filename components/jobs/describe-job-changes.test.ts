import { describe, expect, it } from "vitest";
import type { SerializedJob } from "@/lib/jobs/types";
import { describeJobListChanges, describeJobStatusChange } from "./describe-job-changes";

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
const done = (id: string) => job(id, { status: "transcribed", state: "completed", progress: { step: 3, total: 3 } });

describe("describeJobListChanges", () => {
  it("says nothing when no job joined or changed state", () => {
    expect(
      describeJobListChanges(
        [job("job_a")],
        [job("job_a", { status: "transcribing", updatedAt: "2026-11-28T10:01:00.000Z" })],
      ),
    ).toBe("");
  });

  it("leaves out the steps of a job in progress", () => {
    expect(
      describeJobListChanges([job("job_a", { status: "created" })], [job("job_a", { status: "transcribing" })]),
    ).toBe("");
  });

  it("names a new job and a finished one, in the list's order", () => {
    const before = [job("job_a"), job("job_b")];
    const after = [
      job("job_c", { status: "created" }),
      done("job_a"),
      job("job_b", { status: "failed", state: "failed" }),
    ];
    expect(describeJobListChanges(before, after)).toBe("New job job_c. job_a: Transcribed (completed). job_b: Failed.");
  });

  it("gives the status of a job that joins the list past its creation (a filter it now matches)", () => {
    expect(describeJobListChanges([], [done("job_a")])).toBe("job_a: Transcribed.");
  });
});

describe("describeJobStatusChange", () => {
  it("names every new status of the watched job, and its end", () => {
    expect(describeJobStatusChange(job("job_a", { status: "created" }), job("job_a"))).toBe("Status: Transcribing.");
    expect(describeJobStatusChange(job("job_a"), done("job_a"))).toBe("Status: Transcribed (completed).");
    expect(describeJobStatusChange(job("job_a"), job("job_a", { status: "rejected", state: "rejected" }))).toBe(
      "Status: Rejected.",
    );
    expect(describeJobStatusChange(job("job_a"), job("job_a", { updatedAt: "2026-11-28T10:05:00.000Z" }))).toBe("");
  });
});
