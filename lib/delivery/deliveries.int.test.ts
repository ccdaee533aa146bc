import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DELIVERY_WAKE_CHANNEL } from "@/lib/delivery/channel";
import { requireDirectDatabaseUrl } from "@/lib/env";
import { getEndpoint } from "@/lib/webhook-endpoints/get-endpoint";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { createWorkspaceWithApiKey } from "@/test/v1-fixtures";
import { getDeliveryDetail } from "./get-delivery-detail";
import { DELIVERIES_PAGE_SIZE, listEndpointDeliveries } from "./list-endpoint-deliveries";
import { listJobDeliveries } from "./list-job-deliveries";
import { countFailedSince, replayFailedSince } from "./replay-failed-since";
import { resendDelivery } from "./resend-delivery";
import { insertTestDelivery, insertTestEndpoint, insertTestJob } from "./testing/insert-test-deliveries";

const minutesAgo = (minutes: number) => new Date(Date.now() - minutes * 60_000);
const notFound = { code: "RESOURCE_NOT_FOUND", status: 404 };
const readDelivery = (id: string) => prisma.webhookDelivery.findUniqueOrThrow({ where: { id } });

/** Counts NOTIFYs on the workers' wake channel, to prove a reset wakes them. */
async function listenForWakes() {
  const client = new pg.Client({ connectionString: requireDirectDatabaseUrl() });
  await client.connect();
  let wakes = 0;
  client.on("notification", (message) => {
    if (message.channel === DELIVERY_WAKE_CHANNEL) wakes++;
  });
  await client.query(`LISTEN ${DELIVERY_WAKE_CHANNEL}`);
  return {
    wakes: async () => {
      await client.query("SELECT 1"); // notifications sent before this round trip have arrived
      return wakes;
    },
    close: () => client.end(),
  };
}

/** A workspace with an endpoint and a job of `events` events. */
async function setUp(events = 1) {
  const { workspaceId } = await createWorkspaceWithApiKey();
  const endpointId = await insertTestEndpoint(workspaceId);
  const job = await insertTestJob(workspaceId, events);
  return { workspaceId, endpointId, ...job };
}

describe("delivery log", () => {
  it("lists an endpoint's deliveries newest first, page by page, and no other workspace's", async () => {
    const { workspaceId, endpointId, jobId, eventIds } = await setUp(DELIVERIES_PAGE_SIZE + 2);
    const ids = [];
    for (const [index, jobEventId] of eventIds.entries()) {
      ids.push(
        await insertTestDelivery(workspaceId, {
          endpointId,
          jobId,
          jobEventId,
          status: "succeeded",
          createdAt: minutesAgo(100 - index),
          attempts: [{ statusCode: 200 }],
        }),
      );
    }
    const first = await listEndpointDeliveries(workspaceId, endpointId);
    expect(first.deliveries.map((d) => d.id)).toEqual(ids.slice(2).reverse());
    expect(first.deliveries[0]).toMatchObject({
      status: "succeeded",
      attemptCount: 1,
      lastStatusCode: 200,
      nextAttemptAt: null,
    });
    const second = await listEndpointDeliveries(workspaceId, endpointId, first.nextCursor!);
    expect(second).toEqual({ deliveries: expect.any(Array), nextCursor: null });
    expect(second.deliveries.map((d) => d.id)).toEqual(ids.slice(0, 2).reverse());

    const other = await createWorkspaceWithApiKey();
    await expect(listEndpointDeliveries(other.workspaceId, endpointId)).rejects.toMatchObject(notFound);
    await expect(listEndpointDeliveries(workspaceId, endpointId, "garbage!")).rejects.toMatchObject({
      code: "INVALID_REQUEST",
    });
  });

  it("lists a job's deliveries by the upstream id or the portal's, and not another workspace's job", async () => {
    const { workspaceId, endpointId, jobId, upstreamJobId, eventIds } = await setUp(2);
    const secondEndpoint = await insertTestEndpoint(workspaceId);
    await insertTestDelivery(workspaceId, {
      endpointId,
      jobId,
      jobEventId: eventIds[0],
      status: "succeeded",
      createdAt: minutesAgo(3),
    });
    await insertTestDelivery(workspaceId, {
      endpointId: secondEndpoint,
      jobId,
      jobEventId: eventIds[1],
      status: "pending",
      createdAt: minutesAgo(2),
    });

    const byUpstreamId = await listJobDeliveries(workspaceId, upstreamJobId);
    expect(byUpstreamId.deliveries.map((d) => [d.endpointId, d.status, d.job.id])).toEqual([
      [secondEndpoint, "pending", upstreamJobId],
      [endpointId, "succeeded", upstreamJobId],
    ]);
    expect(await listJobDeliveries(workspaceId, jobId)).toEqual(byUpstreamId);

    const other = await createWorkspaceWithApiKey();
    await expect(listJobDeliveries(other.workspaceId, upstreamJobId)).rejects.toMatchObject(notFound);
    await expect(listJobDeliveries(other.workspaceId, jobId)).rejects.toMatchObject(notFound);
  });

  it("shows a delivery with every attempt, first to last", async () => {
    const { workspaceId, endpointId, jobId, eventIds } = await setUp();
    const id = await insertTestDelivery(workspaceId, {
      endpointId,
      jobId,
      jobEventId: eventIds[0],
      status: "failed",
      createdAt: minutesAgo(60),
      attempts: [{ statusCode: null, error: "connect ECONNREFUSED" }, { statusCode: 500 }, { statusCode: 503 }],
    });
    const detail = await getDeliveryDetail(workspaceId, id);
    expect(detail.delivery).toMatchObject({
      id,
      status: "failed",
      attemptCount: 3,
      lastStatusCode: 503,
      nextAttemptAt: null,
    });
    expect(detail.attempts.map((a) => [a.attemptNumber, a.statusCode, a.error, a.responseExcerpt])).toEqual([
      [1, null, "connect ECONNREFUSED", null],
      [2, 500, null, "answer 2"],
      [3, 503, null, "answer 3"],
    ]);
    expect(detail.payload).toMatchObject({ event: "job.created" });

    const other = await createWorkspaceWithApiKey();
    await expect(getDeliveryDetail(other.workspaceId, id)).rejects.toMatchObject(notFound);
  });

  it("counts attempted deliveries of the last 24 hours into the endpoint's success rate, and none still in flight as failed", async () => {
    const { workspaceId, endpointId, jobId, eventIds } = await setUp(9);
    const deliveries = [
      { status: "succeeded", createdAt: minutesAgo(10), attempts: [{ statusCode: 200 }] },
      { status: "succeeded", createdAt: minutesAgo(10), attempts: [{ statusCode: 200 }] },
      { status: "succeeded", createdAt: minutesAgo(10), attempts: [{ statusCode: 500 }, { statusCode: 200 }] },
      { status: "pending", createdAt: minutesAgo(10), attempts: [{ statusCode: 500 }] }, // retrying
      { status: "failed", createdAt: minutesAgo(10), attempts: [{ statusCode: null, error: "Connection refused" }] }, // given up
      { status: "delivering", createdAt: minutesAgo(1), attempts: [], attemptCount: 1 }, // first attempt under way
      { status: "delivering", createdAt: minutesAgo(10), attempts: [{ statusCode: 503 }], attemptCount: 2 }, // a retry under way
      { status: "pending", createdAt: minutesAgo(1), attempts: [] }, // not attempted yet
      { status: "failed", createdAt: minutesAgo(25 * 60), attempts: [{ statusCode: 500 }] }, // too old
    ] as const;
    for (const [index, delivery] of deliveries.entries()) {
      await insertTestDelivery(workspaceId, {
        endpointId,
        jobId,
        jobEventId: eventIds[index],
        ...delivery,
        attempts: [...delivery.attempts],
      });
    }
    expect((await getEndpoint(workspaceId, endpointId)).stats).toEqual({
      windowHours: 24,
      succeeded: 3,
      failing: 3,
      inFlight: 1,
      successRate: 0.5,
    });
  });
});

describe("resend and replay", () => {
  it("resend makes that one delivery due now, with the same message id, and wakes the workers", async () => {
    const { workspaceId, endpointId, jobId, eventIds } = await setUp(2);
    const target = await insertTestDelivery(workspaceId, {
      endpointId,
      jobId,
      jobEventId: eventIds[0],
      status: "failed",
      createdAt: minutesAgo(90),
      attempts: [{ statusCode: 500 }, { statusCode: 500 }],
    });
    const bystander = await insertTestDelivery(workspaceId, {
      endpointId,
      jobId,
      jobEventId: eventIds[1],
      status: "failed",
      createdAt: minutesAgo(90),
      attempts: [{ statusCode: 500 }],
    });
    const [before, bystanderBefore] = [await readDelivery(target), await readDelivery(bystander)];
    const listener = await listenForWakes();
    try {
      const now = new Date();
      const resent = await resendDelivery(workspaceId, target, TEST_ACTOR, now);
      expect(resent).toMatchObject({
        id: target,
        status: "pending",
        messageId: before.messageId,
        attemptCount: 2,
        nextAttemptAt: now.toISOString(),
        completedAt: null,
      });
      expect(await readDelivery(target)).toMatchObject({
        status: "pending",
        nextAttemptAt: now,
        completedAt: null,
        messageId: before.messageId,
        attemptCount: 2,
      });
      expect(await readDelivery(bystander)).toEqual(bystanderBefore);
      expect(await listener.wakes()).toBe(1);
    } finally {
      await listener.close();
    }
  });

  it("resend refuses a delivery in flight, one to a disabled endpoint, and another workspace's", async () => {
    const { workspaceId, endpointId, jobId, eventIds } = await setUp(2);
    const inFlight = await insertTestDelivery(workspaceId, {
      endpointId,
      jobId,
      jobEventId: eventIds[0],
      status: "delivering",
      createdAt: minutesAgo(1),
    });
    await expect(resendDelivery(workspaceId, inFlight, TEST_ACTOR)).rejects.toMatchObject({
      status: 409,
      code: "CONFLICT",
    });
    expect((await readDelivery(inFlight)).status).toBe("delivering");

    const disabled = await insertTestEndpoint(workspaceId, { enabled: false, disabledReason: "410 Gone" });
    const toDisabled = await insertTestDelivery(workspaceId, {
      endpointId: disabled,
      jobId,
      jobEventId: eventIds[1],
      status: "failed",
      createdAt: minutesAgo(1),
    });
    await expect(resendDelivery(workspaceId, toDisabled, TEST_ACTOR)).rejects.toMatchObject({
      status: 409,
      code: "CONFLICT",
    });
    expect((await readDelivery(toDisabled)).status).toBe("failed");

    const other = await createWorkspaceWithApiKey();
    await expect(resendDelivery(other.workspaceId, toDisabled, TEST_ACTOR)).rejects.toMatchObject(notFound);
  });

  it("replay resets exactly the endpoint's failed deliveries since the time given, and the count said so", async () => {
    const { workspaceId, endpointId, jobId, eventIds } = await setUp(6);
    const otherEndpoint = await insertTestEndpoint(workspaceId);
    const since = minutesAgo(60);
    const add = (
      jobEventId: string,
      status: "failed" | "succeeded" | "pending",
      createdAt: Date,
      endpoint = endpointId,
    ) =>
      insertTestDelivery(workspaceId, {
        endpointId: endpoint,
        jobId,
        jobEventId,
        status,
        createdAt,
        attempts: [{ statusCode: 500 }],
      });
    const replayed = [await add(eventIds[0], "failed", minutesAgo(59)), await add(eventIds[1], "failed", since)];
    const untouched = [
      await add(eventIds[2], "failed", minutesAgo(61)), // before `since`
      await add(eventIds[3], "succeeded", minutesAgo(30)),
      await add(eventIds[4], "pending", minutesAgo(30)),
      await add(eventIds[5], "failed", minutesAgo(30), otherEndpoint),
    ];
    const elsewhere = await setUp(1); // another workspace's failed delivery
    untouched.push(
      await insertTestDelivery(elsewhere.workspaceId, {
        endpointId: elsewhere.endpointId,
        jobId: elsewhere.jobId,
        jobEventId: elsewhere.eventIds[0],
        status: "failed",
        createdAt: minutesAgo(5),
      }),
    );
    const snapshot = await Promise.all(untouched.map(readDelivery));

    expect(await countFailedSince(workspaceId, endpointId, since)).toEqual({ count: 2 });
    const listener = await listenForWakes();
    try {
      const now = new Date();
      expect(await replayFailedSince(workspaceId, endpointId, since, TEST_ACTOR, now)).toEqual({ count: 2 });
      for (const id of replayed)
        expect(await readDelivery(id)).toMatchObject({ status: "pending", nextAttemptAt: now, completedAt: null });
      expect(await Promise.all(untouched.map(readDelivery))).toEqual(snapshot);
      expect(await listener.wakes()).toBe(1);
    } finally {
      await listener.close();
    }
    expect(await countFailedSince(workspaceId, endpointId, since)).toEqual({ count: 0 });
    await expect(countFailedSince(elsewhere.workspaceId, endpointId, since)).rejects.toMatchObject(notFound);
    await expect(replayFailedSince(elsewhere.workspaceId, endpointId, since, TEST_ACTOR)).rejects.toMatchObject(
      notFound,
    );
  });
});
