import { describe, expect, it } from "vitest";
import { getEndpoint } from "@/lib/webhook-endpoints/get-endpoint";
import { createWorkspaceWithApiKey } from "@/test/v1-fixtures";
import { getDeliveryDetail } from "./get-delivery-detail";
import { DELIVERIES_PAGE_SIZE, listEndpointDeliveries } from "./list-endpoint-deliveries";
import { listJobDeliveries } from "./list-job-deliveries";
import {
  insertTestDelivery,
  insertTestEndpoint,
  minutesAgo,
  setUpEndpointWithJob as setUp,
} from "./testing/insert-test-deliveries";

// The delivery log: an endpoint's and a job's deliveries, one delivery with its attempts, the success rate.
const notFound = { code: "RESOURCE_NOT_FOUND", status: 404 };

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
