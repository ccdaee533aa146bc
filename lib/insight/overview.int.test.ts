import { describe, expect, it } from "vitest";
import { insertTestDelivery, insertTestEndpoint, insertTestJob } from "@/lib/delivery/testing/insert-test-deliveries";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { getOverview } from "./get-overview";
import { recountJobCounters } from "./recount-job-counters";
import { insertJobHistory } from "./testing/insert-job-history";

const NOW = new Date(Date.UTC(2026, 10, 30, 15, 30));
const DAY = 86_400_000;
const MIN = 60_000;
const daysAgo = (days: number, minutes = 0) => new Date(Date.UTC(2026, 10, 30, 10) - days * DAY + minutes * MIN);

describe("getOverview", () => {
  it("counts jobs per day by product and outcome, with success rate, cost, media, step durations and arrival lag", async () => {
    const ws = (await createTestWorkspace()).id;
    const other = (await createTestWorkspace()).id;
    await insertJobHistory(ws, {
      id: "job_a",
      apiProduct: "transcribe",
      cost: 1.25,
      duration: 120,
      lagMs: 2_000,
      history: [
        ["created", daysAgo(0)],
        ["transcribing", daysAgo(0, 1)],
        ["transcribed", daysAgo(0, 4)],
      ],
    });
    await insertJobHistory(ws, {
      id: "job_b",
      apiProduct: "transcribe",
      cost: 0.5,
      duration: 60,
      lagMs: 2_000,
      history: [
        ["created", daysAgo(0)],
        ["transcribing", daysAgo(0, 1)],
        ["failed", daysAgo(0, 2)],
      ],
    });
    await insertJobHistory(ws, {
      id: "job_c",
      apiProduct: "dub",
      lagMs: 4_000,
      history: [
        ["created", daysAgo(2)],
        ["rejected", daysAgo(2, 1)],
      ],
    });
    await insertJobHistory(ws, {
      id: "job_d",
      apiProduct: "dub",
      lagMs: 4_000,
      history: [
        ["created", daysAgo(1)],
        ["transcribing", daysAgo(1, 1)],
      ],
    });
    // Outside the range, and another workspace's: neither counts.
    await insertJobHistory(ws, { id: "job_old", apiProduct: "dub", history: [["created", daysAgo(8)]] });
    await insertJobHistory(other, { id: "job_theirs", apiProduct: "transcribe", history: [["created", daysAgo(0)]] });
    // The jobs were written directly, not ingested: their counters come from a recount.
    await recountJobCounters(ws);

    const overview = await getOverview(ws, { range: "7d" }, NOW);
    expect(overview.range).toEqual({
      from: new Date(Date.UTC(2026, 10, 24)).toISOString(),
      to: NOW.toISOString(),
      bucket: "day",
    });
    expect(overview.buckets).toHaveLength(7);
    const today = overview.buckets[6];
    expect(today.start).toBe(new Date(Date.UTC(2026, 10, 30)).toISOString());
    expect(today.byProduct.transcribe).toEqual({ in_progress: 0, completed: 1, failed: 1, rejected: 0 });
    expect(today).toMatchObject({ jobs: 2, completed: 1, failed: 1, successRate: 0.5, cost: 1.75, mediaSeconds: 180 });
    expect(overview.buckets[4].byProduct.dub.rejected).toBe(1);
    expect(overview.buckets[5].byProduct.dub.in_progress).toBe(1);
    expect(overview.totals).toEqual({
      jobs: 4,
      completed: 1,
      failed: 1,
      rejected: 1,
      inProgress: 1,
      successRate: 1 / 3,
      cost: 1.75,
      mediaSeconds: 180,
    });

    const transcribing = overview.stepDurations.find(
      (stat) => stat.apiProduct === "transcribe" && stat.step === "transcribing",
    );
    // job_a transcribed after 3 minutes, job_b failed after 1: p50 2 min.
    expect(transcribing).toMatchObject({ samples: 2, p50Ms: 2 * MIN });
    expect(overview.arrivalLag).toEqual({ samples: 10, p50Ms: 2_000, p95Ms: 4_000 });

    const hourly = await getOverview(ws, { range: "24h" }, NOW);
    expect(hourly.buckets).toHaveLength(24);
    expect(hourly.totals.jobs).toBe(2);
  });

  it("gives each endpoint its delivery success rate and latency", async () => {
    const ws = (await createTestWorkspace()).id;
    const endpointId = await insertTestEndpoint(ws);
    const { jobId, eventIds } = await insertTestJob(ws, 3);
    const createdAt = new Date(Date.now() - 60_000);
    await insertTestDelivery(ws, {
      endpointId,
      jobId,
      jobEventId: eventIds[0],
      status: "succeeded",
      createdAt,
      attempts: [{ statusCode: 200 }],
    });
    await insertTestDelivery(ws, {
      endpointId,
      jobId,
      jobEventId: eventIds[1],
      status: "failed",
      createdAt,
      attempts: [{ statusCode: 500 }],
    });
    await insertTestDelivery(ws, { endpointId, jobId, jobEventId: eventIds[2], status: "pending", createdAt });

    const [health] = (await getOverview(ws, { range: "24h" })).deliveries;
    expect(health).toMatchObject({
      endpointId,
      enabled: true,
      succeeded: 1,
      failed: 1,
      pending: 1,
      successRate: 0.5,
      p50Ms: 0,
      p95Ms: 0,
    });
  });
});
