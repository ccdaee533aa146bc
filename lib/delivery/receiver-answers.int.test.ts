import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { claimDeliveries, DEFAULT_MAX_LEASE_RECOVERIES, LOST_ATTEMPT_ERROR } from "./claim-deliveries";
import { recordOutcome } from "./record-outcome";
import { createTestEndpoint } from "./testing/create-test-endpoint";
import { deliverDue } from "./testing/deliver-due";
import { receiverForThisFile } from "./testing/start-receiver";

// Whatever a receiver answers, the outcome is recorded: NUL bytes and binary bodies used to make
// the write fail (PostgreSQL 22021), leaving the delivery to be re-sent every minute, forever.
// And whatever else stops attempts from being recorded, a delivery is not sent forever.
const receiver = receiverForThisFile();

const SECOND = 1_000;
const deliveryOf = (workspaceId: string) =>
  prisma.webhookDelivery.findFirstOrThrow({
    where: { workspaceId },
    include: { attempts: { orderBy: { attemptNumber: "asc" } } },
  });

async function oneDelivery(path: string) {
  const workspace = await createTestWorkspace();
  const endpoint = await createTestEndpoint(workspace.id, receiver.url(path));
  expect((await postSigned(workspace, dubJobEvents(`job_${path.slice(1)}`)[0])).status).toBe(200);
  return { workspace, endpoint };
}

describe("what a receiver answers", () => {
  it.each([
    ["a JSON answer ending in a NUL byte", Buffer.from('{"received":true}\u0000'), '{"received":true}\ufffd'],
    [
      "a binary answer (PNG bytes)",
      Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 0x0d, 0x49, 0x48, 0x44, 0x52]),
      "[binary response body, 16 bytes read — not shown]",
    ],
    ["nothing but NUL bytes", Buffer.alloc(4096), "[binary response body, 2048 bytes read — not shown]"],
  ])("records the success of a 200 with %s, keeping a storable excerpt", async (_, body, excerpt) => {
    const path = `/answer-${body.length}-${body[0]}`;
    receiver.respond((request) =>
      request.path === path
        ? { status: 200, body, headers: { "content-type": "application/octet-stream" } }
        : { status: 200 },
    );
    const { workspace } = await oneDelivery(path);
    await deliverDue(workspace.id, { clock: () => Date.now() + SECOND });
    const delivery = await deliveryOf(workspace.id);
    expect(delivery).toMatchObject({ status: "succeeded", attemptCount: 1, lastStatusCode: 200, leaseExpiresAt: null });
    expect(delivery.attempts).toMatchObject([
      { attemptNumber: 1, statusCode: 200, responseExcerpt: excerpt, error: null },
    ]);
    expect(receiver.requests.filter((request) => request.path === path)).toHaveLength(1);
  });

  it("records a failure whose answer holds NUL bytes, and schedules its retry", async () => {
    receiver.respond((request) =>
      request.path === "/nul-500"
        ? { status: 500, body: "unexpected \u0000 at line 1 of the request body" }
        : { status: 200 },
    );
    const { workspace } = await oneDelivery("/nul-500");
    await deliverDue(workspace.id, { clock: () => Date.now() + SECOND });
    const delivery = await deliveryOf(workspace.id);
    expect(delivery).toMatchObject({ status: "pending", lastStatusCode: 500, lastError: "HTTP 500" });
    expect(delivery.attempts[0].responseExcerpt).toBe("unexpected \ufffd at line 1 of the request body");
  });
});

describe("a delivery whose attempts never get recorded", () => {
  const claimAt = (workspaceId: string, nowMs: number) =>
    claimDeliveries(getPool(), {
      nowMs,
      limit: 10,
      perEndpoint: 8,
      perWorkspace: 16,
      leaseMs: SECOND,
      workspaceIds: [workspaceId],
    });

  it(`is failed with the reason after ${DEFAULT_MAX_LEASE_RECOVERIES} leases in a row ran out, instead of being sent forever`, async () => {
    const { workspace } = await oneDelivery("/never-recorded");
    let now = Date.now() + SECOND;
    for (let attempt = 1; attempt <= DEFAULT_MAX_LEASE_RECOVERIES; attempt += 1) {
      const { deliveries } = await claimAt(workspace.id, now);
      expect(deliveries.map((delivery) => delivery.attemptNumber)).toEqual([attempt]);
      now += 2 * SECOND; // the worker dies; its lease runs out
    }
    expect((await claimAt(workspace.id, now)).deliveries).toEqual([]);

    const delivery = await deliveryOf(workspace.id);
    expect(delivery).toMatchObject({
      status: "failed",
      attemptCount: 3,
      leaseRecoveries: 3,
      leaseExpiresAt: null,
      completedAt: new Date(now),
    });
    expect(delivery.lastError).toMatch(/^Given up: 3 attempts in a row ended without an outcome recorded/);
    expect(delivery.attempts.map((attempt) => [attempt.attemptNumber, attempt.statusCode])).toEqual([
      [1, null],
      [2, null],
      [3, null],
    ]);
    expect(delivery.attempts[0].error).toBe(LOST_ATTEMPT_ERROR);
    expect(delivery.attempts[2].error).toBe(delivery.lastError);
    expect((await claimAt(workspace.id, now + 60 * SECOND)).deliveries).toEqual([]);
  });

  it("counts only lost leases in a row: a recorded outcome starts the count again", async () => {
    const { workspace } = await oneDelivery("/sometimes-recorded");
    let now = Date.now() + SECOND;
    await claimAt(workspace.id, now);
    now += 2 * SECOND;
    const [second] = (await claimAt(workspace.id, now)).deliveries;
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: second.id } })).leaseRecoveries).toBe(1);
    await recordOutcome(
      getPool(),
      {
        deliveryId: second.id,
        endpointId: second.endpointId,
        workspaceId: second.workspaceId,
        upstreamJobId: second.upstreamJobId,
        exchange: null,
        attemptNumber: second.attemptNumber,
        decision: { status: "pending", nextAttemptAt: now + SECOND, endpoint: "failing" },
        statusCode: 503,
        error: "HTTP 503",
        responseExcerpt: null,
        startedAtMs: now,
        durationMs: 5,
      },
      now,
    );
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: second.id } })).toMatchObject({
      status: "pending",
      leaseRecoveries: 0,
    });
    for (let attempt = 3; attempt <= 5; attempt += 1) {
      now += 2 * SECOND;
      expect((await claimAt(workspace.id, now)).deliveries.map((delivery) => delivery.attemptNumber)).toEqual([
        attempt,
      ]);
    }
  });
});
