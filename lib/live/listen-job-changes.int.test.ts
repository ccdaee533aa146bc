import { afterAll, describe, expect, it } from "vitest";
import { closePool, getPool } from "@/lib/db/pool";
import { JOB_CHANGES_CHANNEL } from "./job-changes";
import { subscribeToJobChanges, type LiveSignal } from "./listen-job-changes";

// The one LISTEN connection: changes reach only their workspace's subscribers, "ready" says when
// they are being listened for, and a lost connection is re-established with another "ready" so
// pages catch up on what they missed.
afterAll(async () => {
  await closePool();
});

function collector() {
  const signals: LiveSignal[] = [];
  const waitFor = async (predicate: (all: LiveSignal[]) => boolean, timeoutMs = 15_000) => {
    const deadline = Date.now() + timeoutMs;
    while (!predicate(signals)) {
      if (Date.now() > deadline) throw new Error(`timed out; got ${JSON.stringify(signals)}`);
      await new Promise((resolve) => setTimeout(resolve, 25));
    }
  };
  return { signals, push: (signal: LiveSignal) => signals.push(signal), waitFor };
}

async function notify(workspaceId: string, jobId: string, status = "transcribing") {
  const payload = JSON.stringify({ workspaceId, jobId, upstreamJobId: `job_${jobId}`, status });
  await getPool().query("SELECT pg_notify($1, $2)", [JOB_CHANGES_CHANNEL, payload]);
}

async function listenerBackends(): Promise<number[]> {
  const { rows } = await getPool().query<{ pid: number }>(
    "SELECT pid FROM pg_stat_activity WHERE datname = current_database() AND query ILIKE 'LISTEN job_changes%' AND pid <> pg_backend_pid()",
  );
  return rows.map((row) => row.pid);
}

describe("subscribeToJobChanges", () => {
  it("delivers each change to its own workspace only, over one shared connection", async () => {
    const a = collector();
    const b = collector();
    const stopA = subscribeToJobChanges("ws_a", a.push);
    const stopB = subscribeToJobChanges("ws_b", b.push);
    await a.waitFor((all) => all.length === 1);
    await b.waitFor((all) => all.length === 1);
    expect(a.signals).toEqual([{ type: "ready" }]);
    await notify("ws_a", "1");
    await notify("ws_b", "2");
    await notify("ws_c", "3");
    await a.waitFor((all) => all.length === 2);
    await b.waitFor((all) => all.length === 2);
    expect(a.signals[1]).toEqual({ type: "change", change: { workspaceId: "ws_a", jobId: "1", upstreamJobId: "job_1", status: "transcribing" } });
    expect(b.signals[1]).toMatchObject({ change: { jobId: "2" } });
    // A subscriber joining a live connection is ready at once.
    const late = collector();
    const stopLate = subscribeToJobChanges("ws_a", late.push);
    await late.waitFor((all) => all.length === 1);
    stopLate();
    expect(await listenerBackends()).toHaveLength(1);
    stopA();
    stopB();
  });

  it("reconnects after losing its connection and says ready again", async () => {
    const a = collector();
    const stop = subscribeToJobChanges("ws_r", a.push);
    await a.waitFor((all) => all.length === 1);
    const [pid] = await listenerBackends();
    await getPool().query("SELECT pg_terminate_backend($1)", [pid]);
    await a.waitFor((all) => all.filter((signal) => signal.type === "ready").length === 2);
    await notify("ws_r", "after");
    await a.waitFor((all) => all.some((signal) => signal.type === "change"));
    stop();
  });
});
