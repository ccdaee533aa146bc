import { describe, expect, it } from "vitest";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { buildEventInput } from "./build-event-input";
import { type EventDisposition, type JobSnapshot, mergeJobEvent } from "./merge-job-event";
import { parseIngestPayload } from "./schemas";
import { dubJobEvents, type SamplePayload } from "./testing/sample-events";
import { postSigned, storedJobStates } from "./testing/webhook-requests";

// Every order of a dub job's nine events must end in the same stored job. 9! = 362,880 orders are
// too many to send, so the claim is proven through the real route and database another way:
//
// Exhaustive, by induction over the subset lattice. The statement reads nothing but the job row
// (and the webhook-id, new for every event), so the state after any sequence of distinct events
// is determined by (state before, event). Let g(T) be the job after sending the events of T in
// workflow order. If for every set S and every event e not in S, "g(S), then e" equals
// g(S ∪ {e}), then by induction on the length of any order, the state after its first k events
// is g(those k events) — so every one of the 9! orders ends in g(all nine). That takes 511 jobs
// for g and 1,793 for the (S, e) pairs that are not already a g (e after every event of S):
// about 12,000 requests instead of 3.3 million.
//
// Plus 218 whole orders (200 seeded-random, the 9 rotations of the workflow order and of its
// reverse), whose per-event dispositions must match the pure rules (merge-job-event.ts).

const EVENTS = dubJobEvents("job_template");
const withJobId = (payload: SamplePayload, jobId: string): SamplePayload => ({
  ...payload,
  data: { ...payload.data, jobId },
});

/** Sends each job's events in order (one after another), up to `parallel` jobs at a time. */
async function sendJobs(workspace: TestWorkspace, jobs: Array<{ jobId: string; order: number[] }>, parallel = 16) {
  const dispositions = new Map<string, string[]>();
  let next = 0;
  async function worker() {
    while (next < jobs.length) {
      const { jobId, order } = jobs[next++];
      const seen: string[] = [];
      for (const index of order) {
        const response = await postSigned(workspace, withJobId(EVENTS[index], jobId));
        expect(response.status).toBe(200);
        seen.push(((await response.json()) as { disposition: string }).disposition);
      }
      dispositions.set(jobId, seen);
    }
  }
  await Promise.all(Array.from({ length: parallel }, worker));
  return dispositions;
}

function replay(order: number[]): { job: JobSnapshot | null; dispositions: Array<EventDisposition | null> } {
  let job: JobSnapshot | null = null;
  const dispositions: Array<EventDisposition | null> = [];
  for (const index of order) {
    const payload = EVENTS[index];
    const input = buildEventInput(
      { workspaceId: "ws", webhookId: `m${index}` },
      parseIngestPayload(payload, JSON.stringify(payload)),
      payload,
    );
    const merged = mergeJobEvent(job, input);
    job = merged.job;
    dispositions.push(merged.disposition);
  }
  return { job, dispositions };
}

const membersOf = (mask: number) => [...Array(9).keys()].filter((i) => mask & (1 << i));

describe("every order of a dub job's nine events ends in the same stored job", () => {
  it("exhaustively: for every set S and event e not in S, g(S) then e = g(S ∪ {e})", async () => {
    const workspace = await createTestWorkspace();
    const jobs: Array<{ jobId: string; order: number[] }> = [];
    for (let mask = 1; mask < 512; mask += 1) jobs.push({ jobId: `g_${mask}`, order: membersOf(mask) });
    const pairs: Array<{ mask: number; e: number }> = [];
    for (let mask = 1; mask < 512; mask += 1) {
      const highest = Math.max(...membersOf(mask));
      for (let e = 0; e < highest; e += 1) if (!(mask & (1 << e))) pairs.push({ mask, e });
    }
    for (const { mask, e } of pairs) jobs.push({ jobId: `h_${mask}_${e}`, order: [...membersOf(mask), e] });
    expect(pairs).toHaveLength(1793);

    await sendJobs(workspace, jobs);
    const stored = await storedJobStates(workspace.id);
    expect(stored.size).toBe(511 + 1793);

    const mismatches: string[] = [];
    for (const { mask, e } of pairs) {
      const after = stored.get(`h_${mask}_${e}`);
      const union = stored.get(`g_${mask | (1 << e)}`);
      if (JSON.stringify(after) !== JSON.stringify(union)) mismatches.push(`S=${membersOf(mask)} e=${e}`);
    }
    expect(mismatches).toEqual([]);
    // And g itself is what the rules say, for every subset.
    for (let mask = 1; mask < 512; mask += 1) {
      expect(stored.get(`g_${mask}`)).toEqual(replay(membersOf(mask)).job);
    }
    expect(stored.get("g_511")).toMatchObject({ status: "merged", state: "completed", cost: 2.51, wordCount: 1200 });
  }, 300_000); // ~12,000 requests: 30-60 s on 2 busy cores

  it("for 218 whole orders: the same final job, and each event's disposition as the rules say", async () => {
    const workspace = await createTestWorkspace();
    let seed = 0x5eed;
    const random = () => {
      // mulberry32: deterministic, so a failure names an order that can be replayed
      seed = (seed + 0x6d2b79f5) | 0;
      let t = Math.imul(seed ^ (seed >>> 15), 1 | seed);
      t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
      return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
    };
    const inOrder = [...Array(9).keys()];
    const orders: number[][] = [];
    for (let r = 0; r < 9; r += 1) {
      orders.push([...inOrder.slice(r), ...inOrder.slice(0, r)]);
      const reversed = [...inOrder].reverse();
      orders.push([...reversed.slice(r), ...reversed.slice(0, r)]);
    }
    while (orders.length < 218) {
      const order = [...inOrder];
      for (let i = order.length - 1; i > 0; i -= 1) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j], order[i]];
      }
      orders.push(order);
    }

    const jobs = orders.map((order, i) => ({ jobId: `p_${i}`, order }));
    const dispositions = await sendJobs(workspace, jobs);
    const stored = await storedJobStates(workspace.id);
    const expected = replay(inOrder).job;
    for (const { jobId, order } of jobs) {
      expect(stored.get(jobId), `order ${order}`).toEqual(expected);
      expect(dispositions.get(jobId), `order ${order}`).toEqual(replay(order).dispositions);
    }
  }, 120_000);
});
