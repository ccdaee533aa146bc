import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { requireDirectDatabaseUrl } from "@/lib/env";
import { dubJobEvents, samplePayload } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { claimDeliveries } from "./claim-deliveries";
import type { DeliveryWorkerOptions } from "./create-delivery-worker";
import { recordOutcome } from "./record-outcome";
import { createTestEndpoint } from "./testing/create-test-endpoint";
import { ownPoolWorkers } from "./testing/own-pool-workers";
import { receiverForThisFile } from "./testing/start-receiver";

// The worker loop against a real database: wake-ups, leases, two workers sharing one queue,
// per-endpoint fairness and a graceful stop. Each "process" gets a pool of its own.
const receiver = receiverForThisFile();
const workersFor = ownPoolWorkers();
const workerFor = (workspaceId: string, options?: DeliveryWorkerOptions) => workersFor([workspaceId], options);

/** `count` job.created events, one job each, through the real ingest route. */
async function ingestMany(workspace: TestWorkspace, count: number, prefix: string, event = "created") {
  for (let start = 0; start < count; start += 20) {
    const batch = Array.from({ length: Math.min(20, count - start) }, (_, i) => {
      const jobId = `${prefix}_${start + i}`;
      const payload = event === "merged" ? dubJobEvents(jobId)[8] : samplePayload("dub", "created", jobId, Date.now());
      return postSigned(workspace, payload).then((response) => expect(response.status).toBe(200));
    });
    await Promise.all(batch);
  }
}

const statusesOf = async (workspaceId: string) => {
  const rows = await prisma.webhookDelivery.groupBy({ by: ["status"], where: { workspaceId }, _count: true });
  return Object.fromEntries(rows.map((row) => [row.status, row._count]));
};
const requestsTo = (path: string) => receiver.requests.filter((request) => request.path === path);

describe("the delivery worker", () => {
  it("is woken by the NOTIFY of the transaction that stored the event", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, receiver.url("/woken"));
    const worker = workerFor(workspace.id, { listen: requireDirectDatabaseUrl(), pollMs: 60_000 });
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 500)); // its LISTEN is in place
    const sentAt = Date.now();
    await ingestMany(workspace, 1, "job_wake");
    await vi.waitFor(() => expect(requestsTo("/woken")).toHaveLength(1), { timeout: 2_000 });
    expect(requestsTo("/woken")[0].receivedAt - sentAt).toBeLessThan(1_000);
    await worker.stop();
  });

  it("loses nothing when a worker dies mid-delivery: the lease expires, another worker delivers, one success", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, receiver.url("/lease"));
    await ingestMany(workspace, 1, "job_lease");
    // Worker A claims and dies before sending.
    const {
      deliveries: [claimed],
    } = await claimDeliveries(getPool(), {
      nowMs: Date.now(),
      limit: 10,
      perEndpoint: 16,
      perWorkspace: 16,
      leaseMs: 1_500,
      workspaceIds: [workspace.id],
    });
    expect(claimed.attemptNumber).toBe(1);
    const worker = workerFor(workspace.id);
    worker.start();
    await new Promise((resolve) => setTimeout(resolve, 700));
    expect(requestsTo("/lease")).toHaveLength(0); // the lease still holds
    await vi.waitFor(() => expect(requestsTo("/lease")).toHaveLength(1), { timeout: 5_000 });
    await vi.waitFor(async () => expect(await statusesOf(workspace.id)).toEqual({ succeeded: 1 }));
    await worker.stop();

    // Worker A comes back and reports a success for its stale claim: refused by the fencing token.
    const stale = await recordOutcome(
      getPool(),
      {
        deliveryId: claimed.id,
        endpointId: claimed.endpointId,
        workspaceId: claimed.workspaceId,
        upstreamJobId: claimed.upstreamJobId,
        exchange: null,
        attemptNumber: 1,
        decision: { status: "succeeded", nextAttemptAt: null, endpoint: "ok" },
        statusCode: 200,
        error: null,
        responseExcerpt: null,
        startedAtMs: Date.now(),
        durationMs: 1,
      },
      Date.now(),
    );
    expect(stale.status).toBeNull();
    const delivery = await prisma.webhookDelivery.findUniqueOrThrow({
      where: { id: claimed.id },
      include: { attempts: { orderBy: { attemptNumber: "asc" } } },
    });
    expect(delivery).toMatchObject({ status: "succeeded", attemptCount: 2 });
    expect(delivery.attempts.map((a) => [a.attemptNumber, a.statusCode])).toEqual([
      [1, null],
      [2, 200],
    ]);
    expect(delivery.attempts[0].error).toMatch(/lease expired/);
  });

  it("two workers never send one delivery twice: 200 deliveries, each message received exactly once", async () => {
    const workspace = await createTestWorkspace();
    for (const path of ["/pair/a", "/pair/b", "/pair/c"]) await createTestEndpoint(workspace.id, receiver.url(path));
    receiver.respond(() => ({ status: 200, delayMs: Math.floor(Math.random() * 5) }));
    await ingestMany(workspace, 67, "job_pair"); // 67 events × 3 endpoints = 201 deliveries
    const workers = [workerFor(workspace.id, { concurrency: 16 }), workerFor(workspace.id, { concurrency: 16 })];
    for (const worker of workers) worker.start();
    await vi.waitFor(async () => expect(await statusesOf(workspace.id)).toEqual({ succeeded: 201 }), {
      timeout: 30_000,
      interval: 200,
    });
    await Promise.all(workers.map((worker) => worker.stop()));

    const received = receiver.requests.filter((request) => request.path.startsWith("/pair/"));
    const perMessage = new Map<string, number>();
    for (const request of received)
      perMessage.set(
        String(request.headers["webhook-id"]),
        (perMessage.get(String(request.headers["webhook-id"])) ?? 0) + 1,
      );
    expect(received).toHaveLength(201);
    expect([...perMessage.values()].every((count) => count === 1)).toBe(true);
    expect(await prisma.webhookAttempt.count({ where: { delivery: { workspaceId: workspace.id } } })).toBe(201);
    receiver.respond(() => ({ status: 200 }));
  });

  it("keeps a slow endpoint's backlog from starving the others", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, receiver.url("/fair/slow"), { eventTypes: ["job.created"] });
    receiver.respond((request) => (request.path === "/fair/slow" ? { status: 200, delayMs: 1_500 } : { status: 200 }));
    await ingestMany(workspace, 40, "job_slow");
    await createTestEndpoint(workspace.id, receiver.url("/fair/fast"), { eventTypes: ["job.completed"] });
    await ingestMany(workspace, 10, "job_fast", "merged");

    const worker = workerFor(workspace.id, { concurrency: 8, perEndpointInFlight: 4, requestLinks: async () => [] });
    const started = Date.now();
    worker.start();
    await vi.waitFor(() => expect(requestsTo("/fair/fast")).toHaveLength(10), { timeout: 5_000, interval: 20 });
    // Every fast delivery arrived while the slow endpoint's first answers were still pending.
    expect(Math.max(...requestsTo("/fair/fast").map((request) => request.receivedAt)) - started).toBeLessThan(1_500);
    expect(requestsTo("/fair/slow").length).toBeLessThanOrEqual(4);
    await worker.stop();
    receiver.respond(() => ({ status: 200 }));
  });

  it("stops gracefully: sends under way are recorded, claims not yet sent are given back", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, receiver.url("/graceful"));
    receiver.respond(() => ({ status: 200, delayMs: 200 }));
    await ingestMany(workspace, 12, "job_stop", "merged");
    // Fetching links takes a while: a stop lands on claims that have not been sent yet.
    const slowLinks = () => new Promise<[]>((resolve) => setTimeout(() => resolve([]), Math.random() * 400));
    const worker = workerFor(workspace.id, { concurrency: 6, requestLinks: slowLinks });
    worker.start();
    await receiver.waitFor(receiver.requests.length + 1);
    await worker.stop();
    expect(worker.inFlight).toBe(0);

    const deliveries = await prisma.webhookDelivery.findMany({ where: { workspaceId: workspace.id } });
    expect(deliveries.filter((d) => d.status === "delivering")).toEqual([]);
    const succeeded = deliveries.filter((d) => d.status === "succeeded");
    expect(succeeded.length).toBe(requestsTo("/graceful").length);
    expect(succeeded.length).toBeLessThan(12);
    for (const d of deliveries.filter((row) => row.status === "pending"))
      expect(d).toMatchObject({ attemptCount: 0, leaseExpiresAt: null });
    receiver.respond(() => ({ status: 200 }));
  });
});
