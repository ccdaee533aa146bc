import { describe, expect, it } from "vitest";
import { insertTestDelivery, insertTestEndpoint, insertTestJob } from "@/lib/delivery/testing/insert-test-deliveries";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { getDeliveryHealth } from "./get-delivery-health";
import { resolveRange } from "./schemas";

const MIN = 60_000;

describe("getDeliveryHealth", () => {
  it("reads each endpoint's newest deliveries in the range, at most the sample, and says when it was full", async () => {
    const ws = (await createTestWorkspace()).id;
    const busy = await insertTestEndpoint(ws);
    const quiet = await insertTestEndpoint(ws);
    const { jobId, eventIds } = await insertTestJob(ws, 4);
    const now = new Date();
    // Oldest first: a failure, then two successes, then one waiting; and one delivery to the quiet endpoint.
    const statuses = ["failed", "succeeded", "succeeded", "pending"] as const;
    for (const [index, status] of statuses.entries())
      await insertTestDelivery(ws, {
        endpointId: busy,
        jobId,
        jobEventId: eventIds[index],
        status,
        createdAt: new Date(now.getTime() - (10 - index) * MIN),
      });
    await insertTestDelivery(ws, {
      endpointId: quiet,
      jobId,
      jobEventId: eventIds[0],
      status: "succeeded",
      createdAt: new Date(now.getTime() - 5 * MIN),
    });
    const range = resolveRange({ range: "24h" }, now);

    const sampled = await getDeliveryHealth(ws, range, 3);
    expect(sampled.find((health) => health.endpointId === busy)).toMatchObject({
      succeeded: 2,
      failed: 0,
      pending: 1,
      successRate: 1,
      sampled: true,
    });
    expect(sampled.find((health) => health.endpointId === quiet)).toMatchObject({ succeeded: 1, sampled: false });

    const whole = await getDeliveryHealth(ws, range);
    expect(whole.find((health) => health.endpointId === busy)).toMatchObject({
      succeeded: 2,
      failed: 1,
      pending: 1,
      successRate: 2 / 3,
      sampled: false,
    });
  });
});
