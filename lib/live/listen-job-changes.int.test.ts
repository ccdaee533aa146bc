import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { announceLocally } from "@/lib/ingest/local-announcements";
import { insertJobs } from "@/lib/jobs/testing/insert-test-jobs";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { JOB_ACTIVITY_CHANNEL } from "./job-activity";
import { JOB_CHANGES_CHANNEL } from "./job-changes";
import { type LiveSignal, liveStats, subscribeToJobChanges } from "./listen-job-changes";

// The one LISTEN connection per process: a change is loaded once, whatever the number of
// subscribers, and reaches only its own workspace's; a lost connection is re-established and the
// jobs changed meanwhile are loaded and sent like any change.

function collector() {
  const signals: LiveSignal[] = [];
  return { signals, push: (signal: LiveSignal) => signals.push(signal) };
}

const jobIds = (signals: LiveSignal[]) => signals.flatMap((signal) => (signal.type === "job" ? [signal.job.id] : []));

async function notify(workspaceId: string, jobRowId: string, status = "transcribing") {
  const payload = JSON.stringify({ workspaceId, jobId: jobRowId, upstreamJobId: "ignored", status });
  await getPool().query("SELECT pg_notify($1, $2)", [JOB_CHANGES_CHANNEL, payload]);
}

async function listenerBackends(): Promise<number[]> {
  const { rows } = await getPool().query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND application_name = $1",
    // The one connection listens to job changes and job activity (named after both channels).
    [`jobs-portal listen ${JOB_CHANGES_CHANNEL},${JOB_ACTIVITY_CHANNEL}`],
  );
  return rows.map((row) => row.pid);
}

describe("subscribeToJobChanges", () => {
  it("loads each change once and hands it to every subscriber of its workspace only", async () => {
    const [a, b] = [(await createTestWorkspace()).id, (await createTestWorkspace()).id];
    const [jobA] = await insertJobs(a, [{ upstreamJobId: "job_live_a", createdAt: new Date() }]);
    const [jobB] = await insertJobs(b, [{ upstreamJobId: "job_live_b", createdAt: new Date() }]);
    const inA = Array.from({ length: 5 }, collector);
    const inB = Array.from({ length: 3 }, collector);
    const stops = [
      ...inA.map((c) => subscribeToJobChanges(a, c.push)),
      ...inB.map((c) => subscribeToJobChanges(b, c.push)),
    ];
    await vi.waitFor(() => expect([...inA, ...inB].every((c) => c.signals[0]?.type === "ready")).toBe(true), {
      timeout: 15_000,
    });

    const loadsBefore = liveStats().loads;
    await notify(a, jobA);
    await vi.waitFor(() => expect(inA.every((c) => jobIds(c.signals).includes("job_live_a"))).toBe(true));
    expect(liveStats().loads - loadsBefore).toBe(1);
    await notify(b, jobB);
    await notify("ws_nobody_watches", "job_x");
    await vi.waitFor(() => expect(inB.every((c) => jobIds(c.signals).includes("job_live_b"))).toBe(true));
    expect(liveStats().loads - loadsBefore).toBe(2);
    expect(inA.map((c) => jobIds(c.signals))).toEqual(Array(5).fill(["job_live_a"]));
    expect(inB.map((c) => jobIds(c.signals))).toEqual(Array(3).fill(["job_live_b"]));
    // A subscriber joining a live connection is ready at once, on the same connection.
    const late = collector();
    const stopLate = subscribeToJobChanges(a, late.push);
    await vi.waitFor(() => expect(late.signals).toEqual([{ type: "ready" }]));
    stopLate();
    expect(await listenerBackends()).toHaveLength(1);
    for (const stop of stops) stop();
  });

  it("hears a change this process committed at once, without its NOTIFY, and only once when the NOTIFY follows", async () => {
    const workspaceId = (await createTestWorkspace()).id;
    const [jobRowId] = await insertJobs(workspaceId, [{ upstreamJobId: "job_local", createdAt: new Date() }]);
    const seen = collector();
    const stop = subscribeToJobChanges(workspaceId, seen.push);
    await vi.waitFor(() => expect(seen.signals).toEqual([{ type: "ready" }]), { timeout: 15_000 });
    const loadsBefore = liveStats().loads;
    // No NOTIFY is sent and no event row exists for the sweep to find: only the local path can tell it.
    const change = { workspaceId, jobId: jobRowId, upstreamJobId: "job_local", status: "transcribing" };
    announceLocally({ changes: [change], wakes: [] });
    await vi.waitFor(() => expect(jobIds(seen.signals)).toEqual(["job_local"]));
    await notify(workspaceId, jobRowId);
    // The NOTIFY's way round is over once a later notification has come back through it.
    const [other] = await insertJobs(workspaceId, [{ upstreamJobId: "job_local_next", createdAt: new Date() }]);
    await notify(workspaceId, other);
    await vi.waitFor(() => expect(jobIds(seen.signals)).toEqual(["job_local", "job_local_next"]));
    expect(liveStats().loads - loadsBefore).toBe(2);
    stop();
  });

  it("after losing its connection, reconnects and sends the jobs changed meanwhile", async () => {
    const workspaceId = (await createTestWorkspace()).id;
    const [jobRowId] = await insertJobs(workspaceId, [{ upstreamJobId: "job_missed", createdAt: new Date() }]);
    const seen = collector();
    const stop = subscribeToJobChanges(workspaceId, seen.push);
    await vi.waitFor(() => expect(seen.signals).toEqual([{ type: "ready" }]), { timeout: 15_000 });
    const [pid] = await listenerBackends();
    await getPool().query("SELECT pg_terminate_backend($1)", [pid]);
    // An event applied while nobody listened (its NOTIFY is lost; here there is none at all).
    await prisma.jobEvent.create({
      data: {
        workspaceId,
        jobId: jobRowId,
        webhookId: "msg_missed",
        event: "job.processing",
        status: "transcribing",
        occurredAt: new Date(),
        disposition: "applied",
        payload: {},
      },
    });
    await vi.waitFor(() => expect(jobIds(seen.signals)).toContain("job_missed"), { timeout: 15_000 });
    // The sweep of the rows may find it before the connection is back: it comes back anyway.
    await vi.waitFor(async () => expect(await listenerBackends()).toHaveLength(1), { timeout: 15_000 });
    expect(new Set(jobIds(seen.signals))).toEqual(new Set(["job_missed"]));
    expect(seen.signals.filter((signal) => signal.type === "ready")).toHaveLength(1);
    stop();
  });

  it("tells the workspace to resync when more jobs changed meanwhile than it catches up on", async () => {
    const workspaceId = (await createTestWorkspace()).id;
    const rowIds = await insertJobs(
      workspaceId,
      Array.from({ length: 501 }, (_, n) => ({ upstreamJobId: `job_many_${n}`, createdAt: new Date() })),
    );
    const seen = collector();
    const stop = subscribeToJobChanges(workspaceId, seen.push);
    await vi.waitFor(() => expect(seen.signals).toEqual([{ type: "ready" }]), { timeout: 15_000 });
    await prisma.jobEvent.createMany({
      data: rowIds.map((jobId, n) => ({
        workspaceId,
        jobId,
        webhookId: `msg_many_${n}`,
        event: "job.created",
        status: "created",
        occurredAt: new Date(),
        disposition: "applied" as const,
        payload: {},
      })),
    });
    const [pid] = await listenerBackends();
    await getPool().query("SELECT pg_terminate_backend($1)", [pid]);
    await vi.waitFor(() => expect(seen.signals.at(-1)).toEqual({ type: "resync" }), { timeout: 15_000 });
    expect(jobIds(seen.signals)).toEqual([]); // 501 loads were not worth it: the page refetches what it shows
    stop();
  });
});
