import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.ALLOW_PRIVATE_WEBHOOK_URLS = "1";
});
// The session wrapper's membership comes from next-auth; here, whoever the test says is asking.
const session = vi.hoisted(() => ({ membership: null as null | Record<string, string> }));
vi.mock("@/lib/auth/session", () => ({ getMembership: async () => session.membership }));

import { GET as getCounts } from "@/app/api/jobs/counts/route";
import { GET as getExport } from "@/app/api/jobs/export/route";
import { GET as getJobs } from "@/app/api/jobs/route";
import { GET as getLive } from "@/app/api/live/route";
import { GET as getOverview } from "@/app/api/overview/route";
import { POST as createEndpoint } from "@/app/api/webhook-endpoints/route";
import { applyRuntimeEnv } from "@/lib/env";
import { parsePosition, READ_POSITION_COOKIE, READ_POSITION_HEADER } from "@/lib/http/read-position";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import type { OverviewData } from "@/lib/insight/types";
import type { JobCounts, JobPage } from "@/lib/jobs/types";
import { logger } from "@/lib/log/logger";
import { renderMetrics } from "@/lib/metrics/render-metrics";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { type StreamingReplica, startStreamingReplica } from "@/test/start-streaming-replica";
import { forgetReplicaStatus, replicaStatus } from "./check-replica";
import { disconnectPrisma } from "./client";
import { closePool, getPool } from "./pool";
import { chooseReadSource } from "./read-from-replica";

// On a real primary and a real streaming replica of it (test/start-streaming-replica.ts), shared
// by the file's tests: reads of the Jobs list, counts, export and overview go to the replica —
// proved by pausing its replay and seeing the state from before — except for a browser that wrote
// something the replica has not replayed (its cookie), or whose live stream told it of a change
// (the frame's position, sent back as a header); a replica too far behind or stopped is left out,
// and every read still answers, from the primary.
const ORIGIN = "http://portal.test";
const NO_PARAMS = { params: Promise.resolve({}) };

let cluster: StreamingReplica;
let workspace: TestWorkspace;

beforeAll(async () => {
  cluster = await startStreamingReplica();
  // This file's own servers, directly (not through the shared run's pooler, if any).
  applyRuntimeEnv({
    DATABASE_URL: cluster.primaryUrl,
    DIRECT_DATABASE_URL: "",
    DATABASE_REPLICA_URL: cluster.replicaUrl,
  });
  forgetReplicaStatus();
  workspace = await createTestWorkspace();
  session.membership = {
    userId: "replica-user",
    email: "replica@example.com",
    workspaceId: workspace.id,
    workspaceName: "replica",
    role: "owner",
  };
}, 180_000);

afterAll(async () => {
  session.membership = null;
  await disconnectPrisma();
  await closePool();
  await cluster?.stop();
});

function get(path: string, headers: Record<string, string> = {}): Request {
  return new Request(`${ORIGIN}${path}`, { headers });
}

async function listedJobIds(headers: Record<string, string> = {}): Promise<string[]> {
  const response = await getJobs(get("/api/jobs?limit=100", headers), NO_PARAMS);
  expect(response.status).toBe(200);
  return ((await response.json()) as JobPage).jobs.map((job) => job.id).sort();
}

async function countAll(headers: Record<string, string> = {}): Promise<number> {
  const response = await getCounts(get("/api/jobs/counts", headers), NO_PARAMS);
  expect(response.status).toBe(200);
  return ((await response.json()) as JobCounts).all.count;
}

async function exportedJobIds(headers: Record<string, string> = {}): Promise<string[]> {
  const response = await getExport(get("/api/jobs/export", headers), NO_PARAMS);
  expect(response.status).toBe(200);
  const [, ...rows] = (await response.text()).trim().split("\r\n");
  return rows.map((row) => row.split(",")[0]).sort();
}

async function overviewEndpoints(headers: Record<string, string> = {}): Promise<string[]> {
  const response = await getOverview(get("/api/overview?range=24h", headers), NO_PARAMS);
  expect(response.status).toBe(200);
  return ((await response.json()) as OverviewData).deliveries.map((endpoint) => endpoint.url);
}

async function ingestCreated(jobId: string): Promise<void> {
  const response = await postSigned(workspace, dubJobEvents(jobId)[0]);
  expect(response.status).toBe(200);
}

async function primaryPosition(): Promise<string> {
  const { rows } = await getPool().query<{ position: string }>("SELECT pg_current_wal_lsn()::text AS position");
  return rows[0].position;
}

const created: string[] = [];

describe("reads from a streaming replica", () => {
  it("another browser's list, counts and export come from the replica: paused, it answers with the state before", async () => {
    await ingestCreated("job_replica_a");
    created.push("job_replica_a");
    await cluster.waitUntilCaughtUp();
    expect(await listedJobIds()).toEqual(created);

    await cluster.pauseReplay();
    try {
      await ingestCreated("job_replica_b");
      // The replica has not replayed job b: served by it, the reads do not show it.
      expect(await listedJobIds()).toEqual(["job_replica_a"]);
      expect(await countAll()).toBe(1);
      expect(await exportedJobIds()).toEqual(["job_replica_a"]);
      expect(await chooseReadSource(null)).toBe("replica");
      // Naming the primary's position now: the replica has not reached it, the primary answers.
      const fresh = { [READ_POSITION_HEADER]: await primaryPosition() };
      expect(await listedJobIds(fresh)).toEqual(["job_replica_a", "job_replica_b"]);
      expect(await countAll(fresh)).toBe(2);
      expect(await exportedJobIds(fresh)).toEqual(["job_replica_a", "job_replica_b"]);
    } finally {
      await cluster.resumeReplay();
    }
    created.push("job_replica_b");
    await cluster.waitUntilCaughtUp();
    expect(await listedJobIds()).toEqual(created);
    const metrics = await renderMetrics();
    expect(metrics).toMatch(/^portal_db_replica_in_use 1$/m);
    expect(metrics).toMatch(/^portal_db_pool_connections\{pool="replica",state="idle"\} [1-9]/m);
  });

  it("a browser reads its own change back at once, though the replica has not replayed it; others see it once replayed", async () => {
    await cluster.pauseReplay();
    let cookie: string;
    const url = "http://127.0.0.1:9/replica-hook";
    try {
      const response = await createEndpoint(
        new Request(`${ORIGIN}/api/webhook-endpoints`, {
          method: "POST",
          headers: { origin: ORIGIN, "content-type": "application/json" },
          body: JSON.stringify({ url, eventTypes: ["job.completed"] }),
        }),
        NO_PARAMS,
      );
      expect(response.status).toBe(201);
      const setCookie = response.headers.get("set-cookie") ?? "";
      expect(setCookie).toMatch(
        new RegExp(`^${READ_POSITION_COOKIE}=[0-9A-F]+/[0-9A-F]+; Path=/; .*HttpOnly; SameSite=Lax`),
      );
      cookie = setCookie.split(";")[0];

      expect(await overviewEndpoints({ cookie })).toEqual([url]);
      expect(await overviewEndpoints()).toEqual([]); // another browser: the paused replica
    } finally {
      await cluster.resumeReplay();
    }
    await cluster.waitUntilCaughtUp();
    expect(await overviewEndpoints()).toEqual([url]);
    // Once replayed, the writer's reads go to the replica again: the cookie pins nothing.
    expect(await chooseReadSource(parsePosition(cookie.split("=")[1]))).toBe("replica");
  });

  it("a live update's position keeps the page's refetch from a replica that has not replayed it", async () => {
    const response = await getLive(get("/api/live"), NO_PARAMS);
    expect(response.status).toBe(200);
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    const decoder = new TextDecoder();
    let buffer = "";
    async function nextFrame(event: string): Promise<{ id: string | null; data: string }> {
      for (;;) {
        const end = buffer.indexOf("\n\n");
        if (end >= 0) {
          const frame = buffer.slice(0, end);
          buffer = buffer.slice(end + 2);
          if (new RegExp(`^event: ${event}$`, "m").test(frame))
            return { id: /^id: (.*)$/m.exec(frame)?.[1] ?? null, data: /^data: (.*)$/m.exec(frame)?.[1] ?? "" };
          continue;
        }
        const { done, value } = await reader.read();
        if (done) throw new Error(`the stream ended before a ${event} frame`);
        buffer += decoder.decode(value, { stream: true });
      }
    }
    try {
      const ready = await nextFrame("ready");
      expect(ready.id).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);

      await cluster.pauseReplay();
      try {
        await ingestCreated("job_replica_live");
        const frame = await nextFrame("job");
        expect(JSON.parse(frame.data)).toMatchObject({ id: "job_replica_live", status: "created" });
        expect(frame.id).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
        // The page's refetch names the frame's position (fetchJson): the primary answers, with the job.
        expect(await listedJobIds({ [READ_POSITION_HEADER]: frame.id! })).toContain("job_replica_live");
        expect(await countAll({ [READ_POSITION_HEADER]: frame.id! })).toBe(created.length + 1);
        // Without it, the paused replica would have put the list back as it was.
        expect(await listedJobIds()).not.toContain("job_replica_live");
      } finally {
        await cluster.resumeReplay();
      }
    } finally {
      await reader.cancel();
    }
    created.push("job_replica_live");
    created.sort();
    await cluster.waitUntilCaughtUp();
  });

  it("a replica further behind than DATABASE_REPLICA_MAX_LAG_MS is left alone until it catches up", async () => {
    applyRuntimeEnv({ DATABASE_REPLICA_MAX_LAG_MS: "2000" });
    await cluster.pauseReplay();
    try {
      await ingestCreated("job_replica_lag");
      // Checks (at most one a second, as reads come) see the replica fall further behind.
      await vi.waitFor(
        async () => {
          await chooseReadSource(null);
          expect(replicaStatus()).toMatchObject({ usable: false, reason: expect.stringMatching(/behind the primary/) });
        },
        { timeout: 20_000, interval: 250 },
      );
      expect(await listedJobIds()).toContain("job_replica_lag");
      expect(await chooseReadSource(null)).toBe("primary");
    } finally {
      await cluster.resumeReplay();
    }
    created.push("job_replica_lag");
    created.sort();
    await vi.waitFor(
      async () => {
        await chooseReadSource(null);
        expect(replicaStatus().usable).toBe(true);
      },
      { timeout: 20_000, interval: 250 },
    );
    expect(await chooseReadSource(null)).toBe("replica");
    applyRuntimeEnv({ DATABASE_REPLICA_MAX_LAG_MS: "10000" });
  });

  it("with the replica stopped, every read still answers, from the primary, and the outage is logged once", async () => {
    const warn = vi.spyOn(logger, "warn");
    try {
      await cluster.stopReplica();
      await ingestCreated("job_replica_after_stop");
      created.push("job_replica_after_stop");
      created.sort();
      for (let round = 0; round < 3; round += 1) {
        expect(await listedJobIds()).toEqual(created);
        expect(await countAll()).toBe(created.length);
        expect(await exportedJobIds()).toEqual(created);
        expect(await overviewEndpoints()).toEqual(["http://127.0.0.1:9/replica-hook"]);
      }
      expect(replicaStatus().usable).toBe(false);
      expect(await renderMetrics()).toMatch(/^portal_db_replica_in_use 0$/m);
      const outages = warn.mock.calls.filter((call) =>
        (call as unknown[]).includes("read replica: not used, reading from the primary"),
      );
      expect(outages).toHaveLength(1);
    } finally {
      warn.mockRestore();
    }
  });
});
