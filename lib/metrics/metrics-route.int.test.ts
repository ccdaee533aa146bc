import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.METRICS_TOKEN = "metrics-token-for-tests-only";
});

import { GET as getMetrics } from "@/app/api/metrics/route";
import { GET as getReady } from "@/app/api/ready/route";
import { insertTestDelivery, insertTestEndpoint, insertTestJob } from "@/lib/delivery/testing/insert-test-deliveries";
import { samplePayload } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace, uniqueSuffix } from "@/test/fixtures/workspace";

const scrape = (authorization?: string) =>
  getMetrics(new Request("http://portal.test/api/metrics", { headers: authorization ? { authorization } : {} }));

/** The value of one sample line, e.g. `portal_ingest_requests_total{result="accepted",status="200"}`. */
function sample(text: string, series: string): number | undefined {
  const line = text.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
}

describe("GET /api/metrics", () => {
  it("refuses a missing or wrong token with the error envelope", async () => {
    for (const authorization of [undefined, "Bearer wrong-token-of-the-same-size!", "Basic bWV0cmljcw=="]) {
      const response = await scrape(authorization);
      expect(response.status).toBe(401);
      expect(await response.json()).toEqual({
        error: { code: "UNAUTHORIZED", message: expect.stringContaining("METRICS_TOKEN") },
      });
    }
  });

  it("counts inbound requests by result and reads the delivery queue from the database", async () => {
    const workspace = await createTestWorkspace();
    const jobId = `job_${uniqueSuffix()}`;
    expect((await postSigned(workspace, samplePayload("transcribe", "created", jobId, Date.now()))).status).toBe(200);
    expect(
      (
        await postSigned(workspace, samplePayload("transcribe", "transcribing", jobId, Date.now()), {
          secrets: ["whsec_d3Jvbmc="],
        })
      ).status,
    ).toBe(401);
    // A delivery due for an hour, waiting.
    const endpointId = await insertTestEndpoint(workspace.id);
    const job = await insertTestJob(workspace.id, 1);
    await insertTestDelivery(workspace.id, {
      endpointId,
      jobId: job.jobId,
      jobEventId: job.eventIds[0],
      status: "pending",
      createdAt: new Date(Date.now() - 2 * 3_600_000),
    });

    const response = await scrape("Bearer metrics-token-for-tests-only");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toContain("text/plain");
    const text = await response.text();
    expect(sample(text, 'portal_ingest_requests_total{result="accepted",status="200"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'portal_ingest_requests_total{result="refused",status="401"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'portal_ingest_request_duration_seconds_count{result="accepted"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "portal_ingest_group_commit_events_count")).toBeGreaterThanOrEqual(1);
    expect(sample(text, 'portal_delivery_queue{state="pending"}')).toBeGreaterThanOrEqual(1);
    expect(sample(text, "portal_delivery_oldest_due_age_seconds")).toBeGreaterThanOrEqual(3_590);
    expect(sample(text, 'portal_db_pool_connections{pool="ingest",state="idle"}')).toBeGreaterThanOrEqual(0);
    expect(sample(text, "portal_live_streams_open")).toBe(0);
    for (const name of [
      "portal_delivery_attempts_total",
      "portal_delivery_attempt_duration_seconds",
      "portal_upstream_calls_total",
      "portal_upstream_call_duration_seconds",
    ]) {
      expect(text).toContain(`# TYPE ${name}`);
    }
  });
});

describe("GET /api/ready", () => {
  it("is ready when the database answers and has every migration of this build", async () => {
    const response = await getReady(new Request("http://portal.test/api/ready"));
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ready", ready: true, database: "ok", pendingMigrations: [] });
  });
});
