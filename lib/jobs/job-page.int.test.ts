import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { GET as redirectToOutput } from "@/app/v1/jobs/[jobId]/outputs/[n]/route";
import { prisma } from "@/lib/db/client";
import { TIMELINE_ATTEMPTS_PER_DELIVERY } from "@/lib/delivery/list-event-deliveries";
import { resendDelivery } from "@/lib/delivery/resend-delivery";
import { createTestEndpoint } from "@/lib/delivery/testing/create-test-endpoint";
import { deliverDue } from "@/lib/delivery/testing/deliver-due";
import { type Receiver, startReceiver } from "@/lib/delivery/testing/start-receiver";
import { dubJobEvents, samplePayload } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { type Simulator, startSimulator } from "@/simulator/server";
import { waitForJob } from "@/simulator/testing/wait-for-job";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { bearer, callRoute, createWorkspaceWithApiKey } from "@/test/v1-fixtures";
import { getJobDetail } from "./get-job-detail";
import { JOB_EVENTS_PAGE_SIZE } from "./list-job-events";
import { readOutputCues } from "./read-output-cues";

// The job page's server side against real rows and a real upstream: events with what became of
// them at each endpoint (bounded), the first report of each step pinned past a page of repeats,
// subtitle cues and fresh links read through the guarded client, and the stable /v1 link.
const KEY = "sim_job_page_key";
let simulator: Simulator;
let receiver: Receiver;
beforeAll(async () => {
  [simulator, receiver] = await Promise.all([
    startSimulator({ apiKey: KEY, speed: 400, webhook: null }),
    startReceiver(),
  ]);
});
afterAll(async () => {
  await Promise.all([simulator.close(), receiver.close()]);
});

const SECOND = 1_000;

describe("the job page's timeline", () => {
  it("gives each event its deliveries, with the latest attempts oldest first and times as stored", async () => {
    const workspace = await createTestWorkspace();
    const endpoint = await createTestEndpoint(workspace.id, receiver.url("/timeline"));
    const events = dubJobEvents("job_timeline");
    for (const payload of events.slice(0, 2)) expect((await postSigned(workspace, payload)).status).toBe(200);
    receiver.respond((request) => ({
      status: request.body.includes('"created"') ? 503 : 200,
      headers: { "retry-after": "1" },
    }));
    let now = Date.now() + SECOND;
    const context = { clock: () => now };
    for (let round = 0; round < 2; round += 1) {
      await deliverDue(workspace.id, context);
      now += 2 * SECOND;
    }
    // Two resends of the failing delivery: five attempts in all, the timeline shows the latest three.
    const failing = await prisma.webhookDelivery.findFirstOrThrow({
      where: { endpointId: endpoint.id, eventType: "job.created" },
    });
    for (let round = 0; round < 3; round += 1) {
      if (round > 0) await resendDelivery(workspace.id, failing.id, TEST_ACTOR, new Date(now));
      await deliverDue(workspace.id, context);
      now += 2 * SECOND;
    }

    const detail = (await getJobDetail(workspace.id, "job_timeline"))!;
    const created = detail.events.events.find((event) => event.status === "created")!;
    const [delivery] = created.deliveries;
    expect(delivery).toMatchObject({
      endpointId: endpoint.id,
      endpointUrl: receiver.url("/timeline"),
      status: "pending",
      attemptCount: 5,
    });
    expect(delivery.attempts.map((attempt) => attempt.attemptNumber)).toEqual([3, 4, 5]);
    expect(delivery.attempts).toHaveLength(TIMELINE_ATTEMPTS_PER_DELIVERY);
    const stored = await prisma.webhookAttempt.findFirstOrThrow({
      where: { deliveryId: delivery.id, attemptNumber: 5 },
    });
    expect(delivery.attempts[2]).toMatchObject({
      statusCode: 503,
      startedAt: stored.startedAt.toISOString(),
      nextRetryAt: stored.nextRetryAt!.toISOString(),
    });
    const transcribing = detail.events.events.find((event) => event.status === "transcribing")!;
    expect(transcribing.deliveries).toMatchObject([
      { status: "succeeded", attemptCount: 1, attempts: [{ attemptNumber: 1, statusCode: 200 }] },
    ]);

    // Without deliveries.read, the same page without the second hop.
    const plain = (await getJobDetail(workspace.id, "job_timeline", { deliveries: false }))!;
    expect(plain.events.events.every((event) => event.deliveries.length === 0)).toBe(true);
  });

  it("pins the first report of each step when repeats fill the newest page", async () => {
    const workspace = await createTestWorkspace();
    const events = dubJobEvents("job_repeats");
    for (const payload of events.slice(0, 2)) expect((await postSigned(workspace, payload)).status).toBe(200);
    const start = Date.parse(events[1].timestamp);
    for (let n = 1; n <= JOB_EVENTS_PAGE_SIZE; n += 1) {
      expect(
        (await postSigned(workspace, samplePayload("dub", "transcribing", "job_repeats", start + n * SECOND))).status,
      ).toBe(200);
    }
    const detail = (await getJobDetail(workspace.id, "job_repeats"))!;
    expect(detail.events.events).toHaveLength(JOB_EVENTS_PAGE_SIZE);
    expect(detail.events.events.some((event) => event.status === "created")).toBe(false);
    expect(detail.firstEvents.map((event) => [event.status, event.occurredAt])).toEqual(
      expect.arrayContaining([
        ["created", new Date(events[0].timestamp).toISOString()],
        ["transcribing", new Date(events[1].timestamp).toISOString()],
      ]),
    );
    expect(detail.eventCounts.total).toBe(JOB_EVENTS_PAGE_SIZE + 2);
  });
});

describe("outputs", () => {
  async function completedTranslate(workspaceId: string) {
    const { jobId } = simulator.createJob("translate", {
      mediaUrl: "https://media.example.com/talks/keynote.mp4",
      sourceLanguage: "en",
      targetLanguage: "de",
    });
    await waitForJob(simulator, jobId);
    const job = await prisma.job.create({
      data: {
        workspaceId,
        upstreamJobId: jobId,
        apiProduct: "translate",
        status: "translated",
        state: "completed",
        createdAt: new Date(),
        updatedAt: new Date(),
        completedAt: new Date(),
      },
    });
    return { jobId, jobRowId: job.id };
  }

  it("previews an SRT output as cues read through the guarded client, and only subtitles", async () => {
    const { workspaceId } = await createWorkspaceWithApiKey({ baseUrl: simulator.url, apiKey: KEY });
    const { jobId, jobRowId } = await completedTranslate(workspaceId);
    await prisma.jobOutput.createMany({
      data: [
        { jobId: jobRowId, outputIndex: 0, sizeBytes: 1, kind: "srt" },
        { jobId: jobRowId, outputIndex: 1, sizeBytes: 1, kind: "video" },
      ],
    });
    const preview = await readOutputCues(workspaceId, jobId, 0);
    expect(preview.truncated).toBe(false);
    expect(preview.cues.length).toBeGreaterThan(0);
    expect(preview.cues[0]).toMatchObject({
      index: 1,
      startMs: expect.any(Number),
      endMs: expect.any(Number),
      text: expect.any(String),
    });
    await expect(readOutputCues(workspaceId, jobId, 1)).rejects.toMatchObject({ status: 400 });
    await expect(readOutputCues(workspaceId, jobId, 7)).rejects.toMatchObject({ status: 404 });
    const stranger = await createTestWorkspace({ upstream: { baseUrl: simulator.url, apiKey: KEY } });
    await expect(readOutputCues(stranger.id, jobId, 0)).rejects.toMatchObject({ status: 404 });
  });

  it("GET /v1/jobs/{jobId}/outputs/{n} redirects to a fresh link that serves the file, byte ranges included", async () => {
    const ws = await createWorkspaceWithApiKey({ baseUrl: simulator.url, apiKey: KEY });
    const { jobId } = await completedTranslate(ws.workspaceId);
    const response = await callRoute(redirectToOutput, { jobId, n: "1" }, `/v1/jobs/${jobId}/outputs/1`, {
      headers: bearer(ws.apiKey),
    });
    expect(response.status).toBe(302);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const location = response.headers.get("location")!;
    expect(location).toMatch(new RegExp(`^${simulator.url}/files/${jobId}/.+X-Amz-Signature=`));
    const file = await fetch(location);
    expect(file.status).toBe(200);
    const whole = await file.text();
    const range = await fetch(location, { headers: { range: "bytes=0-9" } });
    expect(range.status).toBe(206);
    expect(range.headers.get("content-range")).toBe(`bytes 0-9/${Buffer.byteLength(whole)}`);
    expect(await range.text()).toBe(Buffer.from(whole).subarray(0, 10).toString());

    const missing = await callRoute(redirectToOutput, { jobId, n: "99" }, `/v1/jobs/${jobId}/outputs/99`, {
      headers: bearer(ws.apiKey),
    });
    expect({ status: missing.status, body: await missing.json() }).toEqual({
      status: 404,
      body: { error: { code: "RESOURCE_NOT_FOUND", message: "Output not found" } },
    });
    const other = await createWorkspaceWithApiKey({ baseUrl: simulator.url, apiKey: KEY });
    const theirs = await callRoute(redirectToOutput, { jobId, n: "0" }, `/v1/jobs/${jobId}/outputs/0`, {
      headers: bearer(other.apiKey),
    });
    expect(theirs.status).toBe(404);
    const anonymous = await callRoute(redirectToOutput, { jobId, n: "0" }, `/v1/jobs/${jobId}/outputs/0`);
    expect(anonymous.status).toBe(401);
  });
});
