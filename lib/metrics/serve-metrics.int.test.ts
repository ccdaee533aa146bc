import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-token-for-tests-only";
});

import { prisma } from "@/lib/db/client";
import { createTestEndpoint } from "@/lib/delivery/testing/create-test-endpoint";
import { ownPoolWorkers } from "@/lib/delivery/testing/own-pool-workers";
import { receiverForThisFile } from "@/lib/delivery/testing/start-receiver";
import { samplePayload } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace, uniqueSuffix } from "@/test/fixtures/workspace";
import { type MetricsServer, serveMetrics } from "./serve-metrics";

// A worker process's GET /metrics (npm run worker with WORKER_METRICS_PORT): a real HTTP server
// in this process, scraped over the loopback after a real worker delivered a real webhook.
const receiver = receiverForThisFile();
const workersFor = ownPoolWorkers();
let server: MetricsServer;
let base: string;

beforeAll(async () => {
  server = await serveMetrics(0, "127.0.0.1");
  base = `http://127.0.0.1:${server.port}`;
});
afterAll(async () => {
  await server.close();
});

const TOKEN = { authorization: "Bearer metrics-token-for-tests-only" };

function sample(text: string, series: string): number {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? 0 : Number(line.slice(series.length + 1));
}

describe("a worker's GET /metrics", () => {
  it("refuses a missing token, and answers only /metrics, in the error envelope", async () => {
    const refused = await fetch(`${base}/metrics`);
    expect(refused.status).toBe(401);
    expect(await refused.json()).toEqual({
      error: { code: "UNAUTHORIZED", message: expect.stringContaining("METRICS_TOKEN") },
    });
    const elsewhere = await fetch(`${base}/api/metrics`, { headers: TOKEN });
    expect(elsewhere.status).toBe(404);
    expect(((await elsewhere.json()) as { error: { code: string } }).error.code).toBe("RESOURCE_NOT_FOUND");
  });

  it("counts the delivery attempts the worker made, with the queue read from the database", async () => {
    const before = await (await fetch(`${base}/metrics`, { headers: TOKEN })).text();
    const succeeded = 'portal_delivery_attempts_total{outcome="succeeded",answer="2xx"}';
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, receiver.url("/scraped"));
    expect(
      (await postSigned(workspace, samplePayload("transcribe", "created", `job_${uniqueSuffix()}`, Date.now()))).status,
    ).toBe(200);
    const worker = workersFor([workspace.id]);
    worker.start();
    await vi.waitFor(
      async () =>
        expect(await prisma.webhookDelivery.count({ where: { workspaceId: workspace.id, status: "succeeded" } })).toBe(
          1,
        ),
      { timeout: 10_000 },
    );
    await worker.stop();

    const response = await fetch(`${base}/metrics`, { headers: TOKEN });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(sample(text, succeeded) - sample(before, succeeded)).toBe(1);
    expect(sample(text, 'portal_delivery_attempt_duration_seconds_count{outcome="succeeded"}')).toBeGreaterThanOrEqual(
      1,
    );
    expect(text).toMatch(/^portal_delivery_queue\{state="pending"\} \d+$/m);
  });
});
