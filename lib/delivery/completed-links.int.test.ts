import http from "node:http";
import type { AddressInfo } from "node:net";
import { Webhook } from "standardwebhooks";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import type { WebhookPayload } from "@/lib/contract/webhook-payload";
import { prisma } from "@/lib/db/client";
import { createPool } from "@/lib/db/pool";
import { requireDatabaseUrl } from "@/lib/env";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { allowJobsApiBaseUrls } from "@/lib/upstream/testing/allow-base-urls";
import { sealUpstreamKey } from "@/lib/upstream/upstream-key";
import { type Simulator, startSimulator } from "@/simulator/server";
import { waitForJob } from "@/simulator/testing/wait-for-job";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { createDeliveryWorker } from "./create-delivery-worker";
import { createTestEndpoint } from "./testing/create-test-endpoint";
import { deliverDue } from "./testing/deliver-due";
import { type Receiver, startReceiver } from "./testing/start-receiver";

// job.completed carries presigned links that work: fetched from the upstream (the simulator) at
// send time, one hour, never the stored ones (stored without their signatures).
const KEY = "sim_delivery_links_key";
/** An allowed Jobs API base URL where nothing listens. */
const AWAY = "http://127.0.0.1:9";
let simulator: Simulator;
let receiver: Receiver;
beforeAll(async () => {
  [simulator, receiver] = await Promise.all([
    startSimulator({ apiKey: KEY, speed: 200, webhook: null }),
    startReceiver(),
  ]);
  allowJobsApiBaseUrls(simulator.url, AWAY);
});
afterAll(async () => {
  await Promise.all([simulator.close(), receiver.close()]);
});

/** A translate job finished on the simulator, and its job.completed as the simulator sent it. */
async function completedJob(): Promise<WebhookPayload> {
  const payloads: WebhookPayload[] = [];
  const unsubscribe = simulator.onStatusChange((payload) => payloads.push(payload));
  const { jobId } = simulator.createJob("translate", {
    mediaUrl: "https://media.example.com/talk.mp4",
    sourceLanguage: "en",
    targetLanguage: "de",
  });
  await waitForJob(simulator, jobId);
  unsubscribe();
  const completed = payloads.find((payload) => payload.data.jobId === jobId && payload.event === "job.completed");
  if (!completed) throw new Error(`job ${jobId} did not complete`);
  return completed;
}

const connect = (workspaceId: string, upstreamBaseUrl: string) =>
  prisma.workspace.update({
    where: { id: workspaceId },
    data: { upstreamBaseUrl, upstreamApiKeyEnc: sealUpstreamKey(upstreamBaseUrl, KEY) },
  });

/** The event comes from the simulator (its links on its own origin); deliveries then ask `upstreamBaseUrl`. */
async function setup(path: string, upstreamBaseUrl: string) {
  const workspace = await createTestWorkspace();
  await connect(workspace.id, simulator.url);
  const endpoint = await createTestEndpoint(workspace.id, receiver.url(path));
  const payload = await completedJob();
  expect((await postSigned(workspace, payload)).status).toBe(200);
  await connect(workspace.id, upstreamBaseUrl);
  return { workspace, endpoint, payload };
}

describe("job.completed deliveries", () => {
  it("carry fresh presigned links (1 hour) that download the outputs", async () => {
    const { workspace, endpoint, payload } = await setup("/links", simulator.url);
    const stored = await prisma.jobEvent.findFirstOrThrow({
      where: { workspaceId: workspace.id },
      select: { payload: true },
    });
    expect(JSON.stringify(stored.payload)).not.toContain("?");

    await deliverDue(workspace.id, { clock: () => Date.now() + 1_000 });
    const [request] = receiver.requests.filter((r) => r.path === "/links");
    const body = new Webhook(endpoint.secret).verify(
      request.body,
      request.headers as Record<string, string>,
    ) as WebhookPayload;
    expect(body).toMatchObject({
      event: "job.completed",
      timestamp: payload.timestamp,
      data: { jobId: payload.data.jobId, status: "translated" },
    });
    const outputs = body.data.outputs ?? [];
    expect(outputs.length).toBeGreaterThan(0);
    expect(outputs.length).toBe(payload.data.outputs?.length);
    for (const [index, output] of outputs.entries()) {
      expect(output.outputIndex).toBe(index);
      expect(new URL(output.url).search).not.toBe("");
      expect(Date.parse(output.expiresAt) - Date.now()).toBeGreaterThan(3_500_000);
      expect(Date.parse(output.expiresAt) - Date.now()).toBeLessThanOrEqual(3_600_000);
      const file = await fetch(output.url);
      expect(file.status).toBe(200);
      expect((await file.arrayBuffer()).byteLength).toBe(output.sizeBytes);
    }
  });

  it("wait for the upstream when it is away instead of going out without links, without blaming the endpoint", async () => {
    const { workspace, endpoint } = await setup("/later", AWAY);
    let now = Date.now() + 1_000;
    await deliverDue(workspace.id, { clock: () => now });
    const delivery = await prisma.webhookDelivery.findFirstOrThrow({ where: { workspaceId: workspace.id } });
    expect(delivery).toMatchObject({ status: "pending", attemptCount: 1, lastStatusCode: null });
    expect(delivery.lastError).toMatch(/^Not sent: no fresh download links from the Jobs API/);
    expect(receiver.requests.filter((r) => r.path === "/later")).toHaveLength(0);
    expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).failingSince).toBeNull();

    await connect(workspace.id, simulator.url);
    now = delivery.nextAttemptAt.getTime();
    await deliverDue(workspace.id, { clock: () => now });
    expect(await prisma.webhookDelivery.findFirstOrThrow({ where: { workspaceId: workspace.id } })).toMatchObject({
      status: "succeeded",
      attemptCount: 2,
    });
    expect(receiver.requests.filter((r) => r.path === "/later")).toHaveLength(1);
  });
});

/**
 * The simulator behind a reverse proxy that counts the download-result calls made through it. Its
 * links are rewritten to the proxy's origin, as a Jobs API behind a gateway would present them.
 */
async function startCountingProxy(target: string) {
  const calls: string[] = [];
  let origin = "";
  const server = http.createServer((request, response) => {
    const counted = request.url?.endsWith("/download-result") ?? false;
    if (counted) calls.push(request.url!);
    const forwarded = http.request(
      new URL(request.url ?? "/", target),
      { method: request.method, headers: request.headers },
      async (answer) => {
        if (!counted) {
          response.writeHead(answer.statusCode ?? 502, answer.headers);
          answer.pipe(response);
          return;
        }
        const chunks: Buffer[] = [];
        for await (const chunk of answer) chunks.push(chunk as Buffer);
        const body = Buffer.concat(chunks).toString("utf8").replaceAll(target, origin);
        response.writeHead(answer.statusCode ?? 502, { ...answer.headers, "content-length": Buffer.byteLength(body) });
        response.end(body);
      },
    );
    request.pipe(forwarded);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    calls,
    url: origin,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

describe("the fresh links of a job.completed", () => {
  it("are fetched once per job and round for all its endpoints, and never shared across workspaces", async () => {
    const proxy = await startCountingProxy(simulator.url);
    allowJobsApiBaseUrls(proxy.url);
    const pool = createPool({ connectionString: requireDatabaseUrl(), max: 4 });
    const payload = await completedJob();
    const endpoints: Array<{ workspaceId: string; secret: string; path: string }> = [];
    const workspaceIds: string[] = [];
    // Two workspaces that both received this job's events (the same upstream job id in each).
    for (const name of ["a", "b"]) {
      const workspace = await createTestWorkspace();
      workspaceIds.push(workspace.id);
      await connect(workspace.id, simulator.url);
      for (const index of [0, 1, 2]) {
        const path = `/shared/${name}/${index}`;
        endpoints.push({
          workspaceId: workspace.id,
          secret: (await createTestEndpoint(workspace.id, receiver.url(path))).secret,
          path,
        });
      }
      expect((await postSigned(workspace, payload)).status).toBe(200);
      await connect(workspace.id, proxy.url);
    }
    const worker = createDeliveryWorker({
      pool,
      workspaceIds,
      policy: { allowPrivate: true },
      listen: false,
      pollMs: 100,
    });
    worker.start();
    try {
      await vi.waitFor(() => expect(receiver.requests.filter((r) => r.path.startsWith("/shared/"))).toHaveLength(6), {
        timeout: 10_000,
      });
    } finally {
      await worker.stop();
      await pool.end();
    }
    try {
      // One call per workspace: its three endpoints shared it; the other workspace made its own.
      expect(proxy.calls).toEqual([
        `/v1/jobs/${payload.data.jobId}/download-result`,
        `/v1/jobs/${payload.data.jobId}/download-result`,
      ]);
      for (const { secret, path } of endpoints) {
        const [request] = receiver.requests.filter((r) => r.path === path);
        const body = new Webhook(secret).verify(
          request.body,
          request.headers as Record<string, string>,
        ) as WebhookPayload;
        expect(body.data.outputs?.length).toBe(payload.data.outputs?.length);
        for (const output of body.data.outputs ?? []) expect((await fetch(output.url)).status).toBe(200);
      }
    } finally {
      await proxy.close();
    }
  });
});
