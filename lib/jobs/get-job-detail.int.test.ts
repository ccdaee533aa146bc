import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { getChangedJob } from "./get-changed-job";
import { getJobDetail } from "./get-job-detail";
import { listJobs } from "./list-jobs";
import { insertJobs } from "./testing/insert-test-jobs";

const at = (second: number) => new Date(Date.UTC(2026, 10, 28, 10, 0, second));

describe("getJobDetail", () => {
  it("lays the events over the workflow: skipped steps, the failed step and why, late and duplicate deliveries", async () => {
    const ws = (await createTestWorkspace()).id;
    const [jobRowId] = await insertJobs(ws, [
      {
        upstreamJobId: "job_srt",
        apiProduct: "translate",
        status: "failed",
        createdAt: at(0),
        failureReason: "Translation failed: subtitles could not be aligned",
      },
    ]);
    const event = (
      webhookId: string,
      status: string,
      second: number,
      disposition: "applied" | "late" | "duplicate",
    ) => ({
      id: `ev_${webhookId}`,
      workspaceId: ws,
      jobId: jobRowId,
      webhookId,
      event: status === "created" ? "job.created" : status === "failed" ? "job.failed" : "job.processing",
      status,
      occurredAt: at(second),
      receivedAt: at(second + 1),
      disposition,
      payload: { event: "x", data: { status } },
    });
    await prisma.jobEvent.createMany({
      data: [
        event("msg_3", "failed", 9, "applied"),
        event("msg_2", "translating", 4, "applied"),
        event("msg_1", "created", 0, "late"),
        event("msg_2b", "translating", 4, "duplicate"),
      ],
    });

    const detail = await getJobDetail(ws, "job_srt");
    expect(detail?.job).toMatchObject({
      id: "job_srt",
      status: "failed",
      state: "failed",
      progress: { step: 4, total: 5 },
    });
    expect(detail?.timeline.map((step) => [step.status, step.state, step.durationMs])).toEqual([
      ["created", "done", 4000],
      ["transcribing", "skipped", null],
      ["transcribed", "skipped", null],
      ["translating", "failed", 5000],
      ["translated", "upcoming", null],
    ]);
    expect(detail?.failure).toEqual({
      status: "failed",
      atStep: "translating",
      at: at(9).toISOString(),
      reason: "Translation failed: subtitles could not be aligned",
    });
    // Newest first (ties by id), without payloads; the counts name each kind that did not move the job.
    expect(detail?.events.events.map((e) => [e.webhookId, e.disposition])).toEqual([
      ["msg_3", "applied"],
      ["msg_2b", "duplicate"],
      ["msg_2", "applied"],
      ["msg_1", "late"],
    ]);
    expect(detail?.events.nextCursor).toBeNull();
    expect(detail?.events.events[0]).not.toHaveProperty("payload");
    expect(detail?.eventCounts).toEqual({ total: 4, late: 1, duplicate: 1, ignored: 0 });
    expect(detail?.outputs).toEqual([]);

    // The list and the live stream report the same step for the failed job.
    expect((await listJobs(ws, { sort: "newest", limit: 10 })).jobs[0].progress).toEqual({ step: 4, total: 5 });
    expect((await getChangedJob(ws, jobRowId))?.progress).toEqual({ step: 4, total: 5 });
    expect(await getChangedJob((await createTestWorkspace()).id, jobRowId)).toBeNull();
  });

  it("lists outputs in order with sizes as numbers", async () => {
    const ws = (await createTestWorkspace()).id;
    const [jobRowId] = await insertJobs(ws, [
      { upstreamJobId: "job_tr", apiProduct: "translate", status: "translated", createdAt: at(0) },
    ]);
    await prisma.jobOutput.createMany({
      data: [1, 0, 2].map((index) => ({
        id: `out_${jobRowId}_${index}`,
        jobId: jobRowId,
        outputIndex: index,
        sizeBytes: BigInt(1000 + index),
        kind: "srt" as const,
      })),
    });
    expect((await getJobDetail(ws, "job_tr"))?.outputs).toEqual([
      { outputIndex: 0, sizeBytes: 1000, kind: "srt" },
      { outputIndex: 1, sizeBytes: 1001, kind: "srt" },
      { outputIndex: 2, sizeBytes: 1002, kind: "srt" },
    ]);
  });
});
