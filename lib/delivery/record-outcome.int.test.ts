import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { type ClaimedDelivery, claimDeliveries } from "./claim-deliveries";
import type { Decision } from "./decide-outcome";
import { recordOutcomes } from "./record-outcome";
import { createTestEndpoint } from "./testing/create-test-endpoint";

// Outcomes written in one batch, as the worker's group writer sends them: each delivery on its
// own terms (lease check per row), each endpoint's health from the batch as a whole.

const NOW = Date.now() + 60_000; // ahead of every event the test stores: all are due
const outcome = (
  delivery: ClaimedDelivery,
  decision: Decision,
  statusCode: number,
  attemptNumber = delivery.attemptNumber,
) => ({
  deliveryId: delivery.id,
  endpointId: delivery.endpointId,
  workspaceId: delivery.workspaceId,
  upstreamJobId: delivery.upstreamJobId,
  exchange: null,
  attemptNumber,
  decision,
  statusCode,
  error: decision.status === "succeeded" ? null : `HTTP ${statusCode}`,
  responseExcerpt: null,
  startedAtMs: NOW - 5,
  durationMs: 5,
});
const OK: Decision = { status: "succeeded", nextAttemptAt: null, endpoint: "ok" };
const RETRY: Decision = { status: "pending", nextAttemptAt: NOW + 5_000, endpoint: "failing" };
const GONE: Decision = { status: "failed", nextAttemptAt: null, endpoint: "gone" };

describe("recordOutcomes", () => {
  it("records a mixed batch: successes, a retry, a lost claim, and a 410 that wins over a success", async () => {
    const workspace = await createTestWorkspace();
    const healthy = await createTestEndpoint(workspace.id, "https://healthy.example.com/");
    const flaky = await createTestEndpoint(workspace.id, "https://flaky.example.com/");
    const leaving = await createTestEndpoint(workspace.id, "https://leaving.example.com/");
    await prisma.webhookEndpoint.update({ where: { id: leaving.id }, data: { failingSince: new Date(NOW - 60_000) } });
    for (const payload of dubJobEvents("job_batch").slice(0, 3))
      expect((await postSigned(workspace, payload)).status).toBe(200);
    const { deliveries: claimed } = await claimDeliveries(getPool(), {
      nowMs: NOW,
      limit: 100,
      perEndpoint: 100,
      perWorkspace: 100,
      leaseMs: 60_000,
      workspaceIds: [workspace.id],
    });
    const of = (endpointId: string) => claimed.filter((delivery) => delivery.endpointId === endpointId);
    const [h1, h2] = of(healthy.id);
    const [f1] = of(flaky.id);
    const [l1, l2] = of(leaving.id);
    // A fourth event after the claim: pending, unclaimed, for every endpoint.
    expect((await postSigned(workspace, dubJobEvents("job_batch")[3])).status).toBe(200);

    const results = await recordOutcomes(
      getPool(),
      [
        outcome(h1, OK, 200),
        outcome(h2, OK, 200, h2.attemptNumber + 1),
        outcome(f1, RETRY, 500),
        outcome(l1, OK, 204),
        outcome(l2, GONE, 410),
      ],
      NOW,
    );
    expect(results).toEqual([
      { status: "succeeded", endpointDisabled: false },
      { status: null, endpointDisabled: false }, // not this worker's claim (any more): nothing written
      { status: "pending", endpointDisabled: false },
      { status: "succeeded", endpointDisabled: true },
      { status: "failed", endpointDisabled: true },
    ]);

    const endpoints = new Map(
      (await prisma.webhookEndpoint.findMany({ where: { workspaceId: workspace.id } })).map((row) => [row.id, row]),
    );
    expect(endpoints.get(healthy.id)).toMatchObject({ enabled: true, failingSince: null });
    expect(endpoints.get(flaky.id)).toMatchObject({ enabled: true, failingSince: new Date(NOW) });
    expect(endpoints.get(leaving.id)).toMatchObject({
      enabled: false,
      disabledReason: expect.stringMatching(/410 Gone/),
    });

    const deliveries = new Map(
      (
        await prisma.webhookDelivery.findMany({ where: { workspaceId: workspace.id }, include: { attempts: true } })
      ).map((row) => [row.id, row]),
    );
    expect(deliveries.get(h2.id)).toMatchObject({ status: "delivering", attempts: [] });
    expect(deliveries.get(f1.id)).toMatchObject({
      status: "pending",
      nextAttemptAt: new Date(NOW + 5_000),
      attempts: [{ statusCode: 500, nextRetryAt: new Date(NOW + 5_000) }],
    });
    // Claimed elsewhere in the batch's absence: left to its own worker. Pending: failed with the endpoint.
    expect(deliveries.get(of(leaving.id)[2].id)).toMatchObject({ status: "delivering" });
    const fourth = (endpointId: string) =>
      [...deliveries.values()].find(
        (row) => row.endpointId === endpointId && row.eventType === "job.processing" && row.attemptCount === 0,
      );
    expect(fourth(leaving.id)).toMatchObject({
      status: "failed",
      lastError: expect.stringMatching(/^Endpoint disabled: The endpoint answered 410 Gone/),
    });
    expect(fourth(healthy.id)).toMatchObject({ status: "pending" });
  });
});
