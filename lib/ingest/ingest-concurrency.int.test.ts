import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { buildEventInput } from "./build-event-input";
import { type JobSnapshot, mergeJobEvent } from "./merge-job-event";
import { parseIngestPayload } from "./schemas";
import { dubJobEvents, type SamplePayload } from "./testing/sample-events";
import { postSigned, storedJobState } from "./testing/webhook-requests";

// Concurrency through the real route and database (the pool has 10 connections, so these really
// run side by side in PostgreSQL): duplicate storms and racing events for one job.

function expectedAfter(payloads: SamplePayload[]): JobSnapshot | null {
  let job: JobSnapshot | null = null;
  payloads.forEach((payload, index) => {
    const input = buildEventInput(
      { workspaceId: "ws", webhookId: `m${index}` },
      parseIngestPayload(payload, JSON.stringify(payload)),
      payload,
    );
    job = mergeJobEvent(job, input).job;
  });
  return job;
}

async function sendAll(workspace: TestWorkspace, payloads: SamplePayload[], ids?: string[]) {
  const responses = await Promise.all(payloads.map((payload, i) => postSigned(workspace, payload, { id: ids?.[i] })));
  return Promise.all(
    responses.map(async (response) => ({
      status: response.status,
      body: (await response.json()) as { disposition: string },
    })),
  );
}

describe("a duplicate storm", () => {
  it.each([
    ["for a job never seen", false],
    ["for an existing job", true],
  ])("20 concurrent copies of one event %s: exactly one stored event, all 2xx", async (_name, existing) => {
    const workspace = await createTestWorkspace();
    const [created, transcribing] = dubJobEvents("job_storm");
    if (existing) expect((await postSigned(workspace, created)).status).toBe(200);
    const copies = Array.from({ length: 20 }, () => transcribing);
    const results = await sendAll(
      workspace,
      copies,
      copies.map(() => "msg_storm"),
    );

    expect(results.map((result) => result.status)).toEqual(Array(20).fill(200));
    const dispositions = results.map((result) => result.body.disposition).sort();
    expect(dispositions).toEqual([...Array(19).fill("already_received"), "applied"]);
    const events = await prisma.jobEvent.findMany({
      where: { workspaceId: workspace.id, webhookId: "msg_storm" },
      select: { disposition: true },
    });
    expect(events).toEqual([{ disposition: "applied" }]);
    expect(await prisma.job.count({ where: { workspaceId: workspace.id } })).toBe(1);
    expect(await storedJobState(workspace.id, "job_storm")).toEqual(
      expectedAfter(existing ? [created, transcribing] : [transcribing]),
    );
  });
});

describe("racing events for one job", () => {
  it("two different events arriving together leave the furthest status, for new and existing jobs, every time", async () => {
    const workspace = await createTestWorkspace();
    for (let round = 0; round < 15; round += 1) {
      const events = dubJobEvents(`job_race_${round}`);
      const existing = round % 2 === 1;
      if (existing) expect((await postSigned(workspace, events[0])).status).toBe(200);
      // A pair from anywhere in the workflow, the later one sent first half of the time.
      const a = 1 + (round % 7);
      const b = a + 1 + (round % 3);
      const pair = round % 4 < 2 ? [events[a], events[Math.min(b, 8)]] : [events[Math.min(b, 8)], events[a]];
      const results = await sendAll(workspace, pair);
      expect(results.map((result) => result.status)).toEqual([200, 200]);
      const sent = existing ? [events[0], ...pair] : pair;
      expect(await storedJobState(workspace.id, `job_race_${round}`)).toEqual(expectedAfter(sent));
      expect(
        await prisma.jobEvent.count({
          where: { workspaceId: workspace.id, job: { upstreamJobId: `job_race_${round}` } },
        }),
      ).toBe(sent.length);
    }
  });

  it("all nine events of a dub job at once end in the same state as in order", async () => {
    const workspace = await createTestWorkspace();
    for (let round = 0; round < 5; round += 1) {
      const events = dubJobEvents(`job_burst_${round}`);
      const results = await sendAll(workspace, round % 2 ? [...events].reverse() : events);
      expect(results.every((result) => result.status === 200)).toBe(true);
      expect(results.filter((result) => result.body.disposition === "applied").length).toBeGreaterThanOrEqual(1);
      expect(await storedJobState(workspace.id, `job_burst_${round}`)).toEqual(expectedAfter(events));
      expect(
        await prisma.jobEvent.count({
          where: { workspaceId: workspace.id, job: { upstreamJobId: `job_burst_${round}` } },
        }),
      ).toBe(9);
    }
  });
});
