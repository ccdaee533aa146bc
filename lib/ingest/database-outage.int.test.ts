import { PrismaPg } from "@prisma/adapter-pg";
import pg from "pg";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { prisma } from "@/lib/db/client";
import { PrismaClient } from "@/lib/db/generated/client";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { replacePoolForTests } from "@/lib/db/pool";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { maxGroupsInFlight } from "./group-commits";
import { dubJobEvents, type SamplePayload } from "./testing/sample-events";
import { TcpProxy } from "./testing/tcp-proxy";
import { countRows, postToRoute, signedRequest, storedJobStates } from "./testing/webhook-requests";

// The database going away in the middle of a request, through a TCP proxy in front of the shared
// test database (the ingest statement's pool is pointed at the proxy; Prisma, which only reads the
// workspace's secrets, keeps the direct pool): the sender gets a 503 with Retry-After, nothing is
// half-written, and the same event sent again is applied exactly once.
let proxy: TcpProxy;
let proxiedPool: pg.Pool;
let directPool: pg.Pool | undefined;

beforeAll(async () => {
  const url = new URL((process.env.DIRECT_DATABASE_URL ?? process.env.DATABASE_URL) as string);
  proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port) });
  proxiedPool = new pg.Pool({
    connectionString: proxy.urlFor(url.toString()),
    max: 10,
    connectionTimeoutMillis: 2_000,
  });
  proxiedPool.on("error", () => undefined);
  await prisma.workspace.count(); // builds the Prisma client on the direct pool, before the swap
  directPool = replacePoolForTests("ingest", proxiedPool);
});

afterAll(async () => {
  replacePoolForTests("ingest", directPool);
  await proxiedPool.end();
  await proxy.close();
});

beforeEach(() => {
  proxy.restore();
});

const STATEMENT = "ingest-apply-events";

interface Sent {
  payload: SamplePayload;
  id: string;
  timestamp: number;
}

async function send(workspace: TestWorkspace, sent: Sent): Promise<Response> {
  return postToRoute(signedRequest(workspace, sent.payload, { id: sent.id, timestamp: sent.timestamp }), workspace.id);
}

/** As the sender does after a 503: again, until accepted (a pooled connection cut a moment ago may still be handed out once). */
async function sendUntilAccepted(workspace: TestWorkspace, sent: Sent): Promise<Response> {
  for (let attempt = 1; ; attempt += 1) {
    const response = await send(workspace, sent);
    if (response.status !== 503 || attempt === 5) return response;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function expect503(response: Response): Promise<void> {
  expect(response.status).toBe(503);
  expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  const body = errorEnvelopeSchema.parse(await response.json());
  expect(body.error).toEqual({ code: "UPSTREAM_UNAVAILABLE", message: "Service temporarily unavailable" });
}

/** Nothing half-written: every job has the event that made it, and every event's job reflects it. */
async function expectWholeRows(workspace: TestWorkspace): Promise<void> {
  const jobs = await prisma.job.findMany({
    where: { workspaceId: workspace.id },
    select: {
      status: true,
      events: { select: { status: true, disposition: true } },
      outputs: { select: { outputIndex: true } },
    },
  });
  for (const job of jobs) {
    expect(job.events.length).toBeGreaterThan(0);
    expect(job.events.some((event) => event.status === job.status && event.disposition === "applied")).toBe(true);
    if (job.status === "merged") expect(job.outputs).toHaveLength(1);
    else expect(job.outputs).toHaveLength(0);
  }
}

function sentEvents(jobId: string): Sent[] {
  return dubJobEvents(jobId).map((payload, index) => ({
    payload,
    id: `msg_${jobId}_${index}`,
    timestamp: Math.floor(Date.now() / 1000),
  }));
}

describe("when the database goes away", () => {
  it("answers 503 with Retry-After while it cannot be reached, then applies the same event once it is back", async () => {
    const workspace = await createTestWorkspace();
    const [created] = sentEvents("job_down");
    proxy.goDown();
    await expect503(await send(workspace, created));
    expect(await countRows(workspace.id)).toEqual({ jobs: 0, events: 0, outputs: 0 });

    proxy.restore();
    const response = await sendUntilAccepted(workspace, created);
    expect(response.status).toBe(200);
    expect(((await response.json()) as { disposition: string }).disposition).toBe("applied");
    expect((await send(workspace, created)).status).toBe(200);
    expect(await countRows(workspace.id)).toEqual({ jobs: 1, events: 1, outputs: 0 });
  });

  it("cut as the statement is sent: 503, nothing written; sent again: applied once", async () => {
    const workspace = await createTestWorkspace();
    const events = sentEvents("job_cut_before");
    expect((await sendUntilAccepted(workspace, events[0])).status).toBe(200);
    proxy.rules.onClientData = (chunk) => (chunk.includes(STATEMENT) ? "cut" : "forward");
    await expect503(await send(workspace, events[8]));
    expect(proxy.cuts).toBeGreaterThan(0);
    expect(await countRows(workspace.id)).toEqual({ jobs: 1, events: 1, outputs: 0 });

    proxy.restore();
    expect((await sendUntilAccepted(workspace, events[8])).status).toBe(200);
    expect((await storedJobStates(workspace.id)).get("job_cut_before")).toMatchObject({
      status: "merged",
      outputs: [{ outputIndex: 0 }],
    });
    expect(await countRows(workspace.id)).toEqual({ jobs: 1, events: 2, outputs: 1 });
  });

  it("cut after the statement reached the database, before its answer: 503, all or nothing; sent again: exactly once", async () => {
    const workspace = await createTestWorkspace();
    const events = sentEvents("job_cut_after");
    expect((await sendUntilAccepted(workspace, events[0])).status).toBe(200);
    proxy.rules.onClientData = (chunk, state) => {
      if (chunk.includes(STATEMENT)) state.marks.add("statement sent");
      return "forward";
    };
    proxy.rules.onServerData = (_chunk, state) => (state.marks.has("statement sent") ? "cut" : "forward");
    await expect503(await send(workspace, events[8]));
    await expectWholeRows(workspace);
    const afterCut = await countRows(workspace.id);
    expect([1, 2]).toContain(afterCut.events); // the commit may or may not have happened: either is whole

    proxy.restore();
    const again = await sendUntilAccepted(workspace, events[8]);
    expect(again.status).toBe(200);
    expect(["applied", "already_received"]).toContain(((await again.json()) as { disposition: string }).disposition);
    expect(await countRows(workspace.id)).toEqual({ jobs: 1, events: 2, outputs: 1 });
    expect((await storedJobStates(workspace.id)).get("job_cut_after")).toMatchObject({
      status: "merged",
      state: "completed",
    });
  });

  it("cut as a shared statement is sent: every event in it gets 503 and none is written; sent again: each once", async () => {
    const workspace = await createTestWorkspace();
    const events = Array.from({ length: 10 }, (_, i) => sentEvents(`job_group_${i}`)[1]);
    // Every statement carrying more than one event is cut as it is sent. The answers are held
    // meanwhile, so that the first statements keep every group slot busy and the rest of the events
    // queue up and share one. (Connections are opened first: a held handshake would keep a
    // statement from being sent at all.)
    await Promise.all(
      Array.from({ length: maxGroupsInFlight() + 1 }, () => proxiedPool.query("SELECT pg_sleep(0.05)")),
    );
    proxy.rules.onClientData = (chunk) =>
      chunk.includes(STATEMENT) && chunk.toString("latin1").split('"webhook_id"').length > 2 ? "cut" : "forward";
    proxy.hold();
    const chunksBefore = proxy.clientChunks.length;
    const responses = events.map((sent) => send(workspace, sent));
    await vi.waitFor(() => {
      expect(
        proxy.clientChunks.slice(chunksBefore).filter((chunk) => chunk.includes(STATEMENT)).length,
      ).toBeGreaterThanOrEqual(maxGroupsInFlight());
    });
    await new Promise((resolve) => setTimeout(resolve, 100));
    proxy.release();

    const statuses = await Promise.all(responses.map(async (response) => (await response).status));
    expect(statuses.filter((status) => status === 503).length).toBeGreaterThanOrEqual(2);
    expect(statuses.every((status) => status === 200 || status === 503)).toBe(true);
    const stored = await countRows(workspace.id);
    expect(stored.events).toBe(statuses.filter((status) => status === 200).length);
    expect(stored.jobs).toBe(stored.events);
    await expectWholeRows(workspace);

    proxy.restore();
    const again = await Promise.all(events.map((sent) => sendUntilAccepted(workspace, sent)));
    expect(again.map((response) => response.status)).toEqual(Array(10).fill(200));
    expect(await countRows(workspace.id)).toEqual({ jobs: 10, events: 10, outputs: 0 });
  });
});

describe("isDatabaseUnavailable", () => {
  it("recognises what Prisma (pg adapter) and node-pg throw when the server cannot be reached", async () => {
    const unreachable = "postgresql://nobody:secret@127.0.0.1:9/none";
    const pool = new pg.Pool({ connectionString: unreachable, connectionTimeoutMillis: 1_000 });
    const error = await pool.query("SELECT 1").catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(error)).toBe(true);
    await pool.end();

    const client = new PrismaClient({
      adapter: new PrismaPg(new pg.Pool({ connectionString: unreachable, connectionTimeoutMillis: 1_000 })),
    });
    const prismaError = await client.workspace.count().catch((caught: unknown) => caught);
    expect(isDatabaseUnavailable(prismaError)).toBe(true);
    await client.$disconnect();
  });

  it("does not take a bug for an outage", async () => {
    const client = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await client.connect();
    const error = await client.query("SELECT * FROM no_such_table").catch((caught: unknown) => caught);
    await client.end();
    expect(isDatabaseUnavailable(error)).toBe(false);
    expect(isDatabaseUnavailable(new TypeError("x is undefined"))).toBe(false);
    expect(
      isDatabaseUnavailable(
        Object.assign(new Error("terminating connection due to administrator command"), { code: "57P01" }),
      ),
    ).toBe(true);
  });
});
