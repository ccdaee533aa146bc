import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { requireDirectDatabaseUrl } from "@/lib/env";
import { JOB_CHANGES_CHANNEL, type JobChange, jobChangesPayloadSchema } from "@/lib/live/job-changes";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import {
  dubJobEvents,
  failedDubJobEvents,
  PRESIGNED_QUERY,
  sampleOutput,
  samplePayload,
  T0,
} from "./testing/sample-events";
import { countRows, postSigned, storedJobState } from "./testing/webhook-requests";

// What an accepted event does to the rows: the job it creates or moves, the event kept for the
// timeline with its disposition, the outputs, and the NOTIFY.

async function send(workspace: TestWorkspace, payload: unknown, id?: string) {
  const response = await postSigned(workspace, payload, { id });
  expect(response.status).toBe(200);
  return (await response.json()) as { received: boolean; disposition: string };
}

async function eventsOf(workspaceId: string) {
  return prisma.jobEvent.findMany({
    where: { workspaceId },
    select: { webhookId: true, event: true, status: true, disposition: true, occurredAt: true, payload: true },
    orderBy: { receivedAt: "asc" },
  });
}

describe("the first event seen for a job creates it, whatever its type", () => {
  it.each([
    ["created", "in_progress", null],
    ["transcribing", "in_progress", null],
    ["merged", "completed", T0],
    ["failed", "failed", null],
    ["rejected", "rejected", null],
  ] as const)("%s", async (status, state, completedAt) => {
    const workspace = await createTestWorkspace();
    const payload = samplePayload("dub", status, "job_first", T0, status === "failed" ? { reason: "boom" } : {});
    expect(await send(workspace, payload)).toEqual({ received: true, disposition: "applied" });
    expect(await storedJobState(workspace.id, "job_first")).toMatchObject({
      apiProduct: "dub",
      status,
      state,
      createdAt: T0,
      updatedAt: T0,
      completedAt,
      failureReason: status === "failed" ? "boom" : null,
    });
    expect(await countRows(workspace.id)).toMatchObject({ jobs: 1, events: 1 });
  });
});

describe("order and repetition", () => {
  it("moves a job forward, keeps earlier steps arriving late as `late`, and lowers createdAt to the earliest event", async () => {
    const workspace = await createTestWorkspace();
    const [created, transcribing, transcribed] = dubJobEvents("job_late");
    expect((await send(workspace, transcribed)).disposition).toBe("applied");
    expect((await send(workspace, created)).disposition).toBe("late");
    expect((await send(workspace, transcribing)).disposition).toBe("late");
    expect(await storedJobState(workspace.id, "job_late")).toMatchObject({
      status: "transcribed",
      createdAt: T0,
      updatedAt: T0 + 20_000,
      duration: 125.5,
      wordCount: 1200,
    });
    expect((await eventsOf(workspace.id)).map((event) => [event.status, event.disposition])).toEqual([
      ["transcribed", "applied"],
      ["created", "late"],
      ["transcribing", "late"],
    ]);
  });

  it("stores a repeated status under a new webhook-id as `duplicate`, and changes nothing for a redelivered webhook-id", async () => {
    const workspace = await createTestWorkspace();
    const [created, transcribing] = dubJobEvents("job_dup");
    await send(workspace, created);
    expect(await send(workspace, transcribing, "msg_same")).toEqual({ received: true, disposition: "applied" });
    const before = { job: await storedJobState(workspace.id, "job_dup"), events: await eventsOf(workspace.id) };

    expect(await send(workspace, transcribing, "msg_same")).toEqual({
      received: true,
      disposition: "already_received",
    });
    // Even a different body under a webhook-id already stored changes nothing.
    expect((await send(workspace, dubJobEvents("job_dup")[8], "msg_same")).disposition).toBe("already_received");
    expect({ job: await storedJobState(workspace.id, "job_dup"), events: await eventsOf(workspace.id) }).toEqual(
      before,
    );

    expect((await send(workspace, { ...transcribing, timestamp: "2025-12-07T12:00:15Z" })).disposition).toBe(
      "duplicate",
    );
    expect(await storedJobState(workspace.id, "job_dup")).toEqual(before.job);
    expect((await eventsOf(workspace.id)).map((event) => event.disposition)).toEqual([
      "applied",
      "applied",
      "duplicate",
    ]);
  });

  it("stores any Unicode the upstream sends, as sent", async () => {
    const workspace = await createTestWorkspace();
    const failed = samplePayload("dub", "failed", "job_utf", T0, { reason: "Übersetzung fehlgeschlagen 😀 — 字幕" });
    await send(workspace, failed);
    expect(await storedJobState(workspace.id, "job_utf")).toMatchObject({
      failureReason: "Übersetzung fehlgeschlagen 😀 — 字幕",
    });
    expect((await eventsOf(workspace.id))[0].payload).toEqual(failed);
  });

  it("never moves a job out of a terminal status", async () => {
    const workspace = await createTestWorkspace();
    const [created, transcribing, failed] = failedDubJobEvents("job_term");
    await send(workspace, created);
    await send(workspace, failed);
    expect((await send(workspace, transcribing)).disposition).toBe("late");
    expect((await send(workspace, dubJobEvents("job_term")[8])).disposition).toBe("late");
    expect(await storedJobState(workspace.id, "job_term")).toMatchObject({
      status: "failed",
      state: "failed",
      failureReason: "Audio track could not be decoded",
      completedAt: null,
      outputs: [],
      duration: 125.5, // figures are facts about the job, kept from any event
    });
  });

  it("does not let an event without figures erase them", async () => {
    const workspace = await createTestWorkspace();
    const events = dubJobEvents("job_fig");
    await send(workspace, events[2]); // duration + wordCount
    await send(workspace, events[3]); // none
    expect(await storedJobState(workspace.id, "job_fig")).toMatchObject({
      status: "translating",
      duration: 125.5,
      wordCount: 1200,
      cost: null,
    });
  });
});

describe("job.completed", () => {
  it("records the outputs' index, size and kind, and stores no presigned query string", async () => {
    const workspace = await createTestWorkspace();
    const completed = dubJobEvents("job_out")[8];
    await send(workspace, completed);
    expect(await storedJobState(workspace.id, "job_out")).toMatchObject({
      status: "merged",
      state: "completed",
      completedAt: T0 + 80_000,
      cost: 2.51,
      outputs: [{ outputIndex: 0, sizeBytes: 45_678_901, kind: "video" }],
    });
    const [event] = await eventsOf(workspace.id);
    const stored = JSON.stringify(event.payload);
    expect(stored).not.toContain("X-Amz");
    expect(stored).not.toContain(PRESIGNED_QUERY);
    expect(event.payload).toMatchObject({
      event: "job.completed",
      data: { outputs: [{ url: "https://s3.amazonaws.com/bucket/job_out/dubbed.mp4", sizeBytes: 45_678_901 }] },
    });
  });

  it("records a translate job's numbered SRT outputs and a transcribe job's single unnumbered one", async () => {
    const workspace = await createTestWorkspace();
    await send(
      workspace,
      samplePayload("translate", "translated", "job_tr", T0, {
        outputs: [
          sampleOutput("tr/path_0.srt", 8234, 0),
          sampleOutput("tr/path_1.srt", 7891, 1),
          sampleOutput("tr/voice.m4a", 5000, 2),
        ],
      }),
    );
    await send(
      workspace,
      samplePayload("transcribe", "transcribed", "job_tc", T0, { outputs: [sampleOutput("tc/path.srt", 12458)] }),
    );
    expect((await storedJobState(workspace.id, "job_tr"))?.outputs).toEqual([
      { outputIndex: 0, sizeBytes: 8234, kind: "srt" },
      { outputIndex: 1, sizeBytes: 7891, kind: "srt" },
      { outputIndex: 2, sizeBytes: 5000, kind: "audio" },
    ]);
    expect((await storedJobState(workspace.id, "job_tc"))?.outputs).toEqual([
      { outputIndex: 0, sizeBytes: 12458, kind: "srt" },
    ]);
  });
});

describe("events this portal does not apply", () => {
  const future = (jobId: string) => ({
    event: "job.progress_updated",
    timestamp: "2025-12-07T11:00:00Z",
    data: {
      jobId,
      apiProduct: "dub",
      status: "halfway",
      percent: 50,
      preview: `https://cdn.example/p.mp4?${PRESIGNED_QUERY}`,
    },
  });

  it("stores an unknown event type as `ignored` against an existing job, which it leaves alone", async () => {
    const workspace = await createTestWorkspace();
    await send(workspace, dubJobEvents("job_fut")[1]);
    const before = await storedJobState(workspace.id, "job_fut");
    expect(await send(workspace, future("job_fut"))).toEqual({ received: true, disposition: "ignored" });
    expect(await storedJobState(workspace.id, "job_fut")).toEqual(before);
    const events = await eventsOf(workspace.id);
    expect(events[1]).toMatchObject({ event: "job.progress_updated", status: "halfway", disposition: "ignored" });
    expect(JSON.stringify(events[1].payload)).not.toContain("X-Amz");
  });

  it("acknowledges an unknown event type about a job never seen without inventing a job", async () => {
    const workspace = await createTestWorkspace();
    expect(await send(workspace, future("job_unseen"))).toEqual({ received: true, disposition: "ignored" });
    expect(await countRows(workspace.id)).toEqual({ jobs: 0, events: 0, outputs: 0 });
  });

  it("stores an event naming another workflow than its job's as `ignored`", async () => {
    const workspace = await createTestWorkspace();
    await send(workspace, dubJobEvents("job_mix")[0]);
    expect((await send(workspace, samplePayload("transcribe", "transcribed", "job_mix", T0 + 5_000))).disposition).toBe(
      "ignored",
    );
    expect(await storedJobState(workspace.id, "job_mix")).toMatchObject({ apiProduct: "dub", status: "created" });
  });

  it("keeps jobs of different workspaces apart", async () => {
    const first = await createTestWorkspace();
    const second = await createTestWorkspace();
    const [created, transcribing] = dubJobEvents("job_shared");
    await send(first, transcribing, "msg_shared");
    expect((await send(second, created, "msg_shared")).disposition).toBe("applied");
    expect((await storedJobState(first.id, "job_shared"))?.status).toBe("transcribing");
    expect((await storedJobState(second.id, "job_shared"))?.status).toBe("created");
  });
});

describe("NOTIFY", () => {
  it("announces each applied change on the job-changes channel, after the commit, and nothing else", async () => {
    const workspace = await createTestWorkspace();
    const listener = new pg.Client({ connectionString: requireDirectDatabaseUrl() });
    await listener.connect();
    const received: JobChange[] = [];
    listener.on("notification", (message) => {
      for (const change of jobChangesPayloadSchema.parse(JSON.parse(message.payload ?? "null"))) {
        if (change.workspaceId === workspace.id) received.push(change);
      }
    });
    await listener.query(`LISTEN ${JOB_CHANGES_CHANNEL}`);
    try {
      const [created, transcribing, transcribed] = dubJobEvents("job_live");
      await send(workspace, created);
      await send(workspace, transcribed);
      await send(workspace, transcribing); // late: no change to announce
      await send(workspace, transcribed, "msg_again_1");
      await send(workspace, transcribed, "msg_again_1"); // redelivery
      await new Promise((resolve) => setTimeout(resolve, 300));
      const job = await prisma.job.findFirstOrThrow({ where: { workspaceId: workspace.id }, select: { id: true } });
      expect(received).toEqual([
        { workspaceId: workspace.id, jobId: job.id, upstreamJobId: "job_live", status: "created" },
        { workspaceId: workspace.id, jobId: job.id, upstreamJobId: "job_live", status: "transcribed" },
      ]);
    } finally {
      await listener.end();
    }
  });
});
