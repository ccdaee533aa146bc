import { describe, expect, it } from "vitest";
import { buildEventInput, type EventInput } from "./build-event-input";
import { type EventDisposition, type JobSnapshot, mergeJobEvent } from "./merge-job-event";
import { parseIngestPayload } from "./schemas";
import { dubJobEvents, failedDubJobEvents, samplePayload, T0 } from "./testing/sample-events";

const inputsOf = (payloads: unknown[]): EventInput[] =>
  payloads.map((payload, index) =>
    buildEventInput(
      { workspaceId: "ws", webhookId: `msg_${index}` },
      parseIngestPayload(payload, JSON.stringify(payload)),
      payload,
    ),
  );

function replay(events: EventInput[]): { job: JobSnapshot | null; dispositions: Array<EventDisposition | null> } {
  let job: JobSnapshot | null = null;
  const dispositions: Array<EventDisposition | null> = [];
  for (const event of events) {
    const merged = mergeJobEvent(job, event);
    job = merged.job;
    dispositions.push(merged.disposition);
  }
  return { job, dispositions };
}

const SCALARS = [
  "apiProduct",
  "status",
  "state",
  "createdAt",
  "updatedAt",
  "completedAt",
  "failureReason",
  "duration",
  "cost",
  "wordCount",
] as const;

function sameJob(a: JobSnapshot | null, b: JobSnapshot): boolean {
  if (!a || !SCALARS.every((key) => a[key] === b[key]) || a.outputs.length !== b.outputs.length) return false;
  return a.outputs.every((output, i) => {
    const other = b.outputs[i];
    return (
      output.outputIndex === other.outputIndex && output.sizeBytes === other.sizeBytes && output.kind === other.kind
    );
  });
}

/** Heap's algorithm: calls `visit` with every permutation of `items` (the same array, rearranged). */
function forEachPermutation<T>(items: T[], visit: (permutation: T[]) => void): number {
  const a = [...items];
  const c = new Array(a.length).fill(0);
  let count = 1;
  visit(a);
  for (let i = 1; i < a.length; ) {
    if (c[i] < i) {
      const j = i % 2 === 0 ? 0 : c[i];
      [a[j], a[i]] = [a[i], a[j]];
      visit(a);
      count += 1;
      c[i] += 1;
      i = 1;
    } else {
      c[i] = 0;
      i += 1;
    }
  }
  return count;
}

describe("mergeJobEvent", () => {
  const dub = inputsOf(dubJobEvents("job_d"));
  const expected: JobSnapshot = {
    apiProduct: "dub",
    status: "merged",
    state: "completed",
    createdAt: T0,
    updatedAt: T0 + 80_000,
    completedAt: T0 + 80_000,
    failureReason: null,
    duration: 125.5,
    cost: 2.51,
    wordCount: 1200,
    outputs: [{ outputIndex: 0, sizeBytes: 45_678_901, kind: "video" }],
  };

  it("applies a dub job's events in order", () => {
    const { job, dispositions } = replay(dub);
    expect(job).toEqual(expected);
    expect(dispositions).toEqual(Array(9).fill("applied"));
  });

  it("reaches the same job from every one of the 9! orders of its nine events", () => {
    let differing = 0;
    const count = forEachPermutation(dub, (order) => {
      let job: JobSnapshot | null = null;
      for (const event of order) job = mergeJobEvent(job, event).job;
      if (!sameJob(job, expected)) differing += 1;
    });
    expect(count).toBe(362_880);
    expect(differing).toBe(0);
    // 3.3 million merges: about 3 s alone, several times that on a machine busy with other tiers.
  }, 120_000);

  it("keeps an earlier step arriving after a later one as late, and a repeated status as duplicate", () => {
    const [created, transcribing, transcribed] = dub;
    const again = inputsOf([samplePayload("dub", "transcribed", "job_d", T0 + 25_000)])[0];
    const { job, dispositions } = replay([created, transcribed, transcribing, again]);
    expect(dispositions).toEqual(["applied", "applied", "late", "duplicate"]);
    expect(job).toMatchObject({ status: "transcribed", updatedAt: T0 + 20_000, duration: 125.5, wordCount: 1200 });
  });

  it("lets the earliest event lower createdAt, and no later event erase a figure", () => {
    const [created, transcribing] = dub;
    const { job } = replay([transcribing, created]);
    expect(job).toMatchObject({ status: "transcribing", createdAt: T0, updatedAt: T0 + 10_000, duration: 125.5 });
  });

  it("never leaves a terminal status; every order of a failed job's events ends failed", () => {
    const failed = inputsOf(failedDubJobEvents("job_f"));
    forEachPermutation(failed, (order) => {
      expect(replay(order).job).toMatchObject({
        status: "failed",
        state: "failed",
        failureReason: "Audio track could not be decoded",
        duration: 60,
        createdAt: T0,
      });
    });
    const afterFailure = inputsOf([samplePayload("dub", "dubbing", "job_f", T0 + 30_000)])[0];
    const { job, dispositions } = replay([...failed, afterFailure]);
    expect(dispositions.at(-1)).toBe("late");
    expect(job?.status).toBe("failed");
  });

  it("ignores future event types and events naming another workflow, without changing the job", () => {
    const [created] = dub;
    const future = inputsOf([
      { event: "job.archived", timestamp: "2025-12-07T11:00:00Z", data: { jobId: "job_d", apiProduct: "dub" } },
    ])[0];
    const foreign = inputsOf([samplePayload("transcribe", "transcribed", "job_d", T0 + 5_000)])[0];
    expect(mergeJobEvent(null, future)).toEqual({ job: null, disposition: null });
    const { job, dispositions } = replay([created, future, foreign]);
    expect(dispositions).toEqual(["applied", "ignored", "ignored"]);
    expect(job).toMatchObject({ status: "created", createdAt: T0 });
  });
});
