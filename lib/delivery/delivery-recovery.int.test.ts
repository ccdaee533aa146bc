import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { updateEndpoint } from "@/lib/webhook-endpoints/update-endpoint";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { countSkippedEvents, dismissSkippedEvents, replaySkippedEvents } from "./replay-skipped-events";
import { sendTestEvent } from "./send-test-event";
import { createTestEndpoint } from "./testing/create-test-endpoint";
import { receiverForThisFile } from "./testing/start-receiver";

// Delivery recovery: the events that arrived while an endpoint was off, replayed once it is on
// again (and only those); test events of any type, about a sample or about a job of the workspace.
const receiver = receiverForThisFile();
const PRIVATE_OK = { policy: { allowPrivate: true } };

const deliveriesTo = (endpointId: string) =>
  prisma.webhookDelivery.findMany({
    where: { endpointId },
    orderBy: { createdAt: "asc" },
    select: { eventType: true, jobEventId: true, status: true },
  });

describe("events skipped while an endpoint was disabled", () => {
  it("are counted once it is enabled again, replayed oldest first with deliveries of their own, and only once", async () => {
    const workspace = await createTestWorkspace();
    const endpoint = await createTestEndpoint(workspace.id, receiver.url("/skipped"), {
      eventTypes: ["job.created", "job.processing", "job.completed"],
    });
    const events = dubJobEvents("job_skipped");
    expect((await postSigned(workspace, events[0])).status).toBe(200); // delivered (enabled)
    await updateEndpoint(workspace.id, endpoint.id, { enabled: false }, TEST_ACTOR);
    for (const payload of events.slice(1, 4)) expect((await postSigned(workspace, payload)).status).toBe(200);
    // A type it does not subscribe to: never owed to it.
    expect(
      (
        await postSigned(workspace, {
          ...events[4],
          event: "job.failed",
          data: { ...events[4].data, status: "failed" },
        })
      ).status,
    ).toBe(200);
    expect(await deliveriesTo(endpoint.id)).toHaveLength(1);
    expect(await countSkippedEvents(workspace.id, endpoint.id)).toEqual({ count: 0, atLeast: false }); // still off: nothing to offer yet

    const enabled = await updateEndpoint(workspace.id, endpoint.id, { enabled: true }, TEST_ACTOR);
    expect(enabled.skipped).not.toBeNull();
    expect(await countSkippedEvents(workspace.id, endpoint.id)).toEqual({ count: 3, atLeast: false });
    // After re-enabling, events are delivered as usual and are not part of the replay.
    expect((await postSigned(workspace, events[5])).status).toBe(200);

    expect(await replaySkippedEvents(workspace.id, endpoint.id, TEST_ACTOR)).toEqual({ count: 3 });
    const deliveries = await deliveriesTo(endpoint.id);
    expect(deliveries.map((delivery) => delivery.eventType)).toEqual([
      "job.created",
      "job.processing",
      "job.processing",
      "job.processing",
      "job.processing",
    ]);
    expect(new Set(deliveries.map((delivery) => delivery.jobEventId)).size).toBe(5);
    expect(
      deliveries.every(
        (delivery) =>
          delivery.status === "pending" || delivery.status === "delivering" || delivery.status === "succeeded",
      ),
    ).toBe(true);
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).skippedFrom).toBeNull();
    expect(await countSkippedEvents(workspace.id, endpoint.id)).toEqual({ count: 0, atLeast: false });
    expect(await replaySkippedEvents(workspace.id, endpoint.id, TEST_ACTOR)).toEqual({ count: 0 });
    const audited = await prisma.auditLogEntry.findMany({
      where: { workspaceId: workspace.id, action: "skipped_events.replayed" },
      select: { actorEmail: true, details: true },
    });
    expect(audited.map((entry) => (entry.details as { count: number }).count).sort()).toEqual([0, 3]);
    expect(audited.every((entry) => entry.actorEmail === TEST_ACTOR.email)).toBe(true);
  });

  it("a second disabled period extends the first; dismissing forgets it; another workspace's endpoint is not found", async () => {
    const workspace = await createTestWorkspace();
    const endpoint = await createTestEndpoint(workspace.id, receiver.url("/skipped-twice"));
    const events = dubJobEvents("job_skipped_twice");
    await updateEndpoint(workspace.id, endpoint.id, { enabled: false }, TEST_ACTOR);
    expect((await postSigned(workspace, events[0])).status).toBe(200);
    await updateEndpoint(workspace.id, endpoint.id, { enabled: true }, TEST_ACTOR);
    expect((await postSigned(workspace, events[1])).status).toBe(200); // delivered: not owed again
    await updateEndpoint(workspace.id, endpoint.id, { enabled: false }, TEST_ACTOR);
    expect((await postSigned(workspace, events[2])).status).toBe(200);
    await updateEndpoint(workspace.id, endpoint.id, { enabled: true }, TEST_ACTOR);
    expect(await countSkippedEvents(workspace.id, endpoint.id)).toEqual({ count: 2, atLeast: false });

    const other = await createTestWorkspace();
    await expect(countSkippedEvents(other.id, endpoint.id)).rejects.toMatchObject({ status: 404 });
    await expect(replaySkippedEvents(other.id, endpoint.id, TEST_ACTOR)).rejects.toMatchObject({ status: 404 });
    await dismissSkippedEvents(workspace.id, endpoint.id, TEST_ACTOR);
    expect(
      await prisma.auditLogEntry.count({ where: { workspaceId: workspace.id, action: "skipped_events.dismissed" } }),
    ).toBe(1);
    expect(await countSkippedEvents(workspace.id, endpoint.id)).toEqual({ count: 0, atLeast: false });
    expect(await deliveriesTo(endpoint.id)).toHaveLength(1);
  });
  it("counts an event that an ingest in flight at the switch stored a moment after it", async () => {
    const workspace = await createTestWorkspace();
    const endpoint = await createTestEndpoint(workspace.id, receiver.url("/skipped-in-flight"));
    const events = dubJobEvents("job_skipped_in_flight");
    await updateEndpoint(workspace.id, endpoint.id, { enabled: false }, TEST_ACTOR);
    expect((await postSigned(workspace, events[0])).status).toBe(200);
    await updateEndpoint(workspace.id, endpoint.id, { enabled: true }, TEST_ACTOR);
    // The switch's timestamp a little before the event's (portal clock vs database clock).
    const stored = await prisma.jobEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id },
      select: { receivedAt: true },
    });
    await prisma.webhookEndpoint.update({
      where: { id: endpoint.id },
      data: { skippedUntil: new Date(stored.receivedAt.getTime() - 1) },
    });
    expect(await countSkippedEvents(workspace.id, endpoint.id)).toEqual({ count: 1, atLeast: false });
  });
});

describe("test events", () => {
  it("of a chosen type about one of the workspace's jobs carry that job's id, product and step", async () => {
    const workspace = await createTestWorkspace();
    const endpoint = await createTestEndpoint(workspace.id, receiver.url("/typed-test"));
    for (const payload of dubJobEvents("job_tested").slice(0, 4))
      expect((await postSigned(workspace, payload)).status).toBe(200);
    receiver.respond(() => ({ status: 204 }));

    const processing = await sendTestEvent(
      workspace.id,
      endpoint.id,
      { eventType: "job.processing", jobId: "job_tested" },
      PRIVATE_OK,
    );
    expect(processing).toMatchObject({ statusCode: 204, error: null });
    const request = receiver.requests.findLast((candidate) => candidate.path === "/typed-test")!;
    const payload = new Webhook(endpoint.secret).verify(request.body, request.headers as Record<string, string>) as {
      event: string;
      data: Record<string, unknown>;
    };
    expect(payload).toMatchObject({
      event: "job.processing",
      data: { jobId: "job_tested", status: "translating", apiProduct: "dub" },
    });
    expect(request.headers["webhook-id"]).toMatch(/^msg_test_/);

    await sendTestEvent(workspace.id, endpoint.id, { eventType: "job.failed" }, PRIVATE_OK);
    const failed = JSON.parse(receiver.requests.at(-1)!.body) as { event: string; data: Record<string, unknown> };
    expect(failed).toMatchObject({ event: "job.failed", data: { status: "failed", apiProduct: "transcribe" } });
    expect(failed.data.jobId).toMatch(/^job_test_/);

    const stranger = await createTestWorkspace();
    const theirs = await createTestEndpoint(stranger.id, receiver.url("/typed-test-other"));
    await expect(
      sendTestEvent(stranger.id, theirs.id, { eventType: "job.created", jobId: "job_tested" }, PRIVATE_OK),
    ).rejects.toMatchObject({ status: 404 });
    expect(
      await prisma.webhookDelivery.count({
        where: { endpointId: endpoint.id, jobEventId: { not: "" }, messageId: { startsWith: "msg_test_" } },
      }),
    ).toBe(0);
  });
});
