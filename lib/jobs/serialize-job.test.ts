import { describe, expect, it } from "vitest";
import { Decimal } from "@/lib/db/generated/internal/prismaNamespace";
import { type JobRow, serializeJob } from "./serialize-job";
import { serializeJobEvent, serializeJobOutput, serializeTimelineStep } from "./serialize-job-detail";

const row: JobRow = {
  id: "cm_internal_row_id",
  upstreamJobId: "job_abc123",
  apiProduct: "translate",
  status: "translating",
  state: "in_progress",
  duration: 125.5,
  cost: new Decimal("2.5100"),
  wordCount: 812,
  failureReason: null,
  createdAt: new Date("2026-11-28T10:00:00.000Z"),
  updatedAt: new Date("2026-11-28T10:01:30.250Z"),
  completedAt: null,
};

describe("serializeJob", () => {
  it("names the job by its upstream id, never the row id, with ISO dates and plain numbers", () => {
    const job = serializeJob(row);
    expect(job).toEqual({
      id: "job_abc123",
      apiProduct: "translate",
      status: "translating",
      state: "in_progress",
      progress: { step: 4, total: 5 },
      duration: 125.5,
      cost: 2.51,
      wordCount: 812,
      failureReason: null,
      createdAt: "2026-11-28T10:00:00.000Z",
      updatedAt: "2026-11-28T10:01:30.250Z",
      completedAt: null,
    });
    expect(JSON.stringify(job)).not.toContain("cm_internal_row_id");
  });

  it("reports the step a failed job reached", () => {
    const failed = serializeJob(
      { ...row, status: "failed", state: "failed", failureReason: "Processing error" },
      "transcribing",
    );
    expect(failed.progress).toEqual({ step: 2, total: 5 });
    expect(failed.failureReason).toBe("Processing error");
  });

  it("keeps a missing cost null, not zero", () => {
    expect(serializeJob({ ...row, cost: null }).cost).toBeNull();
  });
});

describe("job detail serializers", () => {
  it("turns BIGINT sizes into numbers", () => {
    expect(serializeJobOutput({ outputIndex: 1, sizeBytes: BigInt(45678901), kind: "video" })).toEqual({
      outputIndex: 1,
      sizeBytes: 45678901,
      kind: "video",
    });
  });

  it("keeps an event's disposition, with ISO dates", () => {
    const event = serializeJobEvent({
      id: "ev1",
      webhookId: "msg_1",
      event: "job.created",
      status: "created",
      occurredAt: new Date("2026-11-28T10:00:00Z"),
      receivedAt: new Date("2026-11-28T10:00:01Z"),
      disposition: "late",
    });
    expect(event).toMatchObject({ disposition: "late", occurredAt: "2026-11-28T10:00:00.000Z" });
  });

  it("serializes timeline steps", () => {
    expect(serializeTimelineStep({ status: "created", state: "done", reachedAt: new Date(0), durationMs: 5 })).toEqual({
      status: "created",
      state: "done",
      reachedAt: "1970-01-01T00:00:00.000Z",
      durationMs: 5,
    });
  });
});
