import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { disconnectPrisma, prisma } from "@/lib/db/client";
import { replacePoolForTests } from "@/lib/db/pool";
import { TcpProxy } from "@/lib/ingest/testing/tcp-proxy";
import { getV1Job } from "@/lib/v1-api/get-v1-job";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { getJobDetail } from "./get-job-detail";
import { getJobEventPayloadOrThrow, MAX_PAYLOAD_VIEW_BYTES } from "./get-job-event-payload";
import { JOB_EVENTS_PAGE_SIZE, listJobEvents } from "./list-job-events";
import { insertJobs } from "./testing/insert-test-jobs";

// A job with 1,000 events, 20 of them future-type events of 1 MiB each (a future event may carry
// anything up to the body cap): the job page, /v1/jobs/{jobId} and the event list read a bounded
// number of rows and bytes from the database — measured on the wire, through a proxy in front of
// Prisma's pool — and a payload is read, cut, only when asked for.
const MiB = 1024 * 1024;
let proxy: TcpProxy;
let proxiedPool: pg.Pool;
let workspaceId: string;
let jobRowId: string;
const bigIds: string[] = [];

beforeAll(async () => {
  const url = new URL(process.env.DATABASE_URL as string);
  proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port) });
  proxiedPool = new pg.Pool({ connectionString: proxy.urlFor(url.toString()), max: 4 });
  replacePoolForTests("app", proxiedPool); // before Prisma is built: it is built on this pool

  workspaceId = (await createTestWorkspace()).id;
  [jobRowId] = await insertJobs(workspaceId, [
    { upstreamJobId: "job_thousand", apiProduct: "dub", status: "dubbing", createdAt: new Date(Date.UTC(2026, 0, 1)) },
  ]);
  const at = (n: number) => new Date(Date.UTC(2026, 0, 1) + n * 1_000);
  const small = Array.from({ length: 980 }, (_, n) => ({
    id: `ev_small_${String(n).padStart(4, "0")}`,
    workspaceId,
    jobId: jobRowId,
    webhookId: `msg_small_${n}`,
    event: "job.processing",
    status: "dubbing",
    occurredAt: at(n),
    disposition: n === 0 ? ("applied" as const) : n % 10 === 0 ? ("late" as const) : ("duplicate" as const),
    payload: { event: "job.processing", data: { jobId: "job_thousand", status: "dubbing", n } },
  }));
  await prisma.jobEvent.createMany({ data: small });
  for (let n = 0; n < 20; n += 1) {
    const id = `ev_big_${String(n).padStart(2, "0")}`;
    bigIds.push(id);
    await prisma.jobEvent.create({
      data: {
        id,
        workspaceId,
        jobId: jobRowId,
        webhookId: `msg_big_${n}`,
        event: "job.archived",
        status: "archived",
        occurredAt: at(2_000 + n), // the newest: on the first page
        disposition: "ignored",
        payload: {
          event: "job.archived",
          data: { jobId: "job_thousand", apiProduct: "dub", blob: "é".repeat(MiB / 2) },
        },
      },
    });
  }
}, 120_000);

afterAll(async () => {
  await disconnectPrisma();
  replacePoolForTests("app", undefined);
  await proxiedPool.end();
  await proxy.close();
});

async function bytesRead<T>(work: () => Promise<T>): Promise<{ result: T; bytes: number }> {
  const before = proxy.serverBytes;
  const result = await work();
  return { result, bytes: proxy.serverBytes - before };
}

describe("a job with 1,000 events, 20 of them 1 MiB", () => {
  it("opens with the newest page of events, no payloads, and all 1,000 counted", async () => {
    const { result: detail, bytes } = await bytesRead(() => getJobDetail(workspaceId, "job_thousand"));
    expect(detail?.events.events).toHaveLength(JOB_EVENTS_PAGE_SIZE);
    expect(detail?.events.events.slice(0, 20).map((event) => event.id)).toEqual([...bigIds].reverse());
    expect(detail?.events.events.every((event) => !("payload" in event))).toBe(true);
    expect(detail?.eventCounts).toEqual({ total: 1_000, late: 97, duplicate: 882, ignored: 20 });
    expect(detail?.timeline.find((step) => step.status === "dubbing")?.state).toBe("current");
    expect(bytes).toBeLessThan(128 * 1024); // loading the payloads would read more than 20 MiB
    expect(JSON.stringify(detail).length).toBeLessThan(64 * 1024);
  });

  it("pages through every event, newest first, each page bounded", async () => {
    const seen: string[] = [];
    let cursor: string | undefined;
    let pages = 0;
    do {
      const { result: page, bytes } = await bytesRead(() => listJobEvents(workspaceId, jobRowId, cursor));
      expect(page.events.length).toBeLessThanOrEqual(JOB_EVENTS_PAGE_SIZE);
      expect(bytes).toBeLessThan(128 * 1024);
      seen.push(...page.events.map((event) => event.id));
      cursor = page.nextCursor ?? undefined;
      pages += 1;
    } while (cursor);
    expect(pages).toBe(Math.ceil(1_000 / JOB_EVENTS_PAGE_SIZE));
    expect(new Set(seen).size).toBe(1_000);
    expect(seen.at(-1)).toBe("ev_small_0000");
  });

  it("/v1/jobs/{jobId} reads no events at all", async () => {
    const { result: job, bytes } = await bytesRead(() => getV1Job(workspaceId, "job_thousand"));
    expect(job).toMatchObject({ jobId: "job_thousand", status: "dubbing" });
    expect(job).not.toHaveProperty("events");
    expect(bytes).toBeLessThan(32 * 1024);
  });

  it("reads one payload when asked, cut at 64 KiB by the database", async () => {
    const { result: big, bytes } = await bytesRead(() =>
      getJobEventPayloadOrThrow(workspaceId, "job_thousand", bigIds[0]),
    );
    expect(big.truncated).toBe(true);
    expect(big.sizeBytes).toBeGreaterThan(MiB);
    expect(Buffer.byteLength(big.text)).toBeLessThanOrEqual(MAX_PAYLOAD_VIEW_BYTES);
    expect(big.text.startsWith('{"data": {"blob": "éé')).toBe(true);
    expect(bytes).toBeLessThan(4 * MAX_PAYLOAD_VIEW_BYTES + 16 * 1024);

    const small = await getJobEventPayloadOrThrow(workspaceId, "job_thousand", "ev_small_0005");
    expect(small.truncated).toBe(false);
    expect(JSON.parse(small.text)).toEqual({
      event: "job.processing",
      data: { jobId: "job_thousand", status: "dubbing", n: 5 },
    });
    // Another workspace's job, or an event of another job: not found.
    await expect(
      getJobEventPayloadOrThrow((await createTestWorkspace()).id, "job_thousand", bigIds[0]),
    ).rejects.toMatchObject({ status: 404 });
  });
});
