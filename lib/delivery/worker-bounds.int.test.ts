import { spawn } from "node:child_process";
import net from "node:net";
import path from "node:path";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { env } from "@/lib/env";
import { samplePayload } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { LOST_ATTEMPT_ERROR } from "./claim-deliveries";
import { DEFAULT_LEASE_MS } from "./create-delivery-worker";
import { createTestEndpoint } from "./testing/create-test-endpoint";
import { ownPoolWorkers } from "./testing/own-pool-workers";
import { receiverForThisFile } from "./testing/start-receiver";

// The bounds that keep one crash or one tenant from stalling everyone's deliveries, with the
// production defaults: leases a dead worker cannot hold for long, and each workspace's share.
const receiver = receiverForThisFile();
const workerFor = ownPoolWorkers();

async function ingest(workspace: TestWorkspace, count: number, prefix: string): Promise<void> {
  const sent = Array.from({ length: count }, (_, i) =>
    postSigned(workspace, samplePayload("dub", "created", `${prefix}_${i}`, Date.now())),
  );
  for (const response of await Promise.all(sent)) expect(response.status).toBe(200);
}

const requestsTo = (prefix: string) => receiver.requests.filter((request) => request.path.startsWith(prefix));
const statusesOf = async (workspaceId: string) => {
  const rows = await prisma.webhookDelivery.groupBy({ by: ["status"], where: { workspaceId }, _count: true });
  return Object.fromEntries(rows.map((row) => [row.status, row._count]));
};

describe("a worker killed with SIGKILL mid-send", () => {
  it("holds its endpoint for one short lease: another worker resumes within seconds, loses nothing, repeats only what was in flight", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, receiver.url("/crash"));
    let answering = false;
    receiver.respond((request) => (request.path === "/crash" && !answering ? { hang: true } : { status: 200 }));
    await ingest(workspace, 30, "job_crash");

    const child = spawn(
      process.execPath,
      ["--import", "tsx", path.resolve("lib/delivery/testing/run-worker-process.ts"), workspace.id],
      {
        env: { ...process.env, LOG_LEVEL: "error" },
        stdio: ["ignore", "ignore", "inherit"],
      },
    );
    const exited = new Promise((resolve) => child.once("exit", resolve));
    try {
      // Mid-send: the endpoint's in-flight slots are all taken by the child's hanging requests.
      await receiver.waitFor(receiver.requests.length + env.DELIVERY_ENDPOINT_IN_FLIGHT, 30_000);
      await new Promise((resolve) => setTimeout(resolve, 300));
    } finally {
      child.kill("SIGKILL");
    }
    await exited;
    const killedAt = Date.now();
    const inFlightAtKill = new Set(requestsTo("/crash").map((request) => String(request.headers["webhook-id"])));
    expect(inFlightAtKill.size).toBe(env.DELIVERY_ENDPOINT_IN_FLIGHT);
    answering = true;

    const worker = workerFor([workspace.id]);
    worker.start();
    try {
      await vi.waitFor(async () => expect(await statusesOf(workspace.id)).toEqual({ succeeded: 30 }), {
        timeout: 30_000,
        interval: 200,
      });
    } finally {
      await worker.stop();
    }
    const resumedAfterMs =
      Math.min(
        ...requestsTo("/crash")
          .filter((request) => request.receivedAt >= killedAt)
          .map((request) => request.receivedAt),
      ) - killedAt;
    expect(resumedAfterMs).toBeLessThan(DEFAULT_LEASE_MS + 3_000);

    // Everything arrived; twice only what was in flight when the worker died (at least once).
    const received = new Map<string, number>();
    for (const request of requestsTo("/crash"))
      received.set(
        String(request.headers["webhook-id"]),
        (received.get(String(request.headers["webhook-id"])) ?? 0) + 1,
      );
    expect(received.size).toBe(30);
    for (const [messageId, count] of received) expect(count, messageId).toBe(inFlightAtKill.has(messageId) ? 2 : 1);
    const repeated = await prisma.webhookDelivery.findMany({
      where: { workspaceId: workspace.id, messageId: { in: [...inFlightAtKill] } },
      select: {
        attemptCount: true,
        leaseRecoveries: true,
        attempts: { orderBy: { attemptNumber: "asc" }, select: { statusCode: true, error: true } },
      },
    });
    for (const delivery of repeated) {
      expect(delivery).toMatchObject({
        attemptCount: 2,
        leaseRecoveries: 0,
        attempts: [
          { statusCode: null, error: LOST_ATTEMPT_ERROR },
          { statusCode: 200, error: null },
        ],
      });
    }
  });
});

describe("a tarpit in one workspace", () => {
  it("takes at most that workspace's share of the slots: another workspace's deliveries keep flowing with low delay", async () => {
    // Accepts connections and never answers: each attempt holds its slot until the send timeout.
    const held = new Set<net.Socket>();
    let mostHeld = 0;
    const tarpit = net.createServer((socket) => {
      held.add(socket);
      mostHeld = Math.max(mostHeld, held.size);
      socket.on("error", () => undefined);
      socket.on("close", () => held.delete(socket));
    });
    await new Promise<void>((resolve) => tarpit.listen(0, "127.0.0.1", resolve));
    const tarpitUrl = (index: number) =>
      `http://127.0.0.1:${(tarpit.address() as net.AddressInfo).port}/hooks/${index}`;

    const slow = await createTestWorkspace();
    // More tarpit endpoints than a worker has slots for, at the per-endpoint cap.
    const tarpits = Math.ceil(env.DELIVERY_CONCURRENCY / env.DELIVERY_ENDPOINT_IN_FLIGHT) + 2;
    for (let index = 0; index < tarpits; index += 1) await createTestEndpoint(slow.id, tarpitUrl(index));
    await ingest(slow, 20, "job_tarpit");
    const healthy = await createTestWorkspace();
    await createTestEndpoint(healthy.id, receiver.url("/healthy"));
    receiver.respond(() => ({ status: 200 }));

    // No tarpit attempt times out while the test measures: the slots stay held throughout.
    const worker = workerFor([slow.id, healthy.id], { timeoutMs: 10_000 });
    worker.start();
    try {
      await vi.waitFor(() => expect(held.size).toBeGreaterThan(0), { timeout: 5_000 });
      await new Promise((resolve) => setTimeout(resolve, 300)); // the tarpit has taken what it can
      const delays: number[] = [];
      for (let index = 0; index < 10; index += 1) {
        const before = requestsTo("/healthy").length;
        const sentAt = Date.now();
        await ingest(healthy, 1, `job_healthy_${index}`);
        await vi.waitFor(() => expect(requestsTo("/healthy").length).toBe(before + 1), {
          timeout: 3_000,
          interval: 10,
        });
        delays.push(requestsTo("/healthy")[before].receivedAt - sentAt);
        await new Promise((resolve) => setTimeout(resolve, 100));
      }
      expect(Math.max(...delays)).toBeLessThan(1_000);
      // The tarpit's workspace had its share of the slots, and not one more.
      expect(mostHeld).toBe(env.DELIVERY_WORKSPACE_IN_FLIGHT);
    } finally {
      const closed = new Promise((resolve) => tarpit.close(resolve));
      for (const socket of held) socket.destroy();
      await worker.stop();
      await closed;
    }
  });
});
