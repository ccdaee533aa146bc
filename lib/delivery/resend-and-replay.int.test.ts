import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { DELIVERY_WAKE_CHANNEL } from "@/lib/delivery/channel";
import { requireDirectDatabaseUrl } from "@/lib/env";
import { TEST_ACTOR } from "@/test/fixtures/actor";
import { createWorkspaceWithApiKey } from "@/test/v1-fixtures";
import { countFailedSince, replayFailedSince } from "./replay-failed-since";
import { resendDelivery } from "./resend-delivery";
import {
  insertTestDelivery,
  insertTestEndpoint,
  minutesAgo,
  setUpEndpointWithJob as setUp,
} from "./testing/insert-test-deliveries";

// Resending one delivery and replaying an endpoint's failures: what is reset, what is refused, who is woken.
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
