import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.LIVE_STREAMS_MAX = "300";
});
// The session wrapper's membership comes from next-auth; here, whoever the test says is asking.
const session = vi.hoisted(() => ({ userId: "", workspaceId: "" }));
vi.mock("@/lib/auth/session", () => ({
  getMembership: async () => ({ ...session, email: "t@example.com", workspaceName: "t", role: "viewer" }),
}));

import { GET as getLive } from "@/app/api/live/route";
import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { getPool } from "@/lib/db/pool";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { insertJobs } from "@/lib/jobs/testing/insert-test-jobs";
import { createTestWorkspace, type TestWorkspace } from "@/test/fixtures/workspace";
import { openLiveStreams } from "./create-live-stream";
import { JOB_CHANGES_CHANNEL } from "./job-changes";
import { liveStats } from "./listen-job-changes";

// 300 open streams (the per-process cap set above) while events arrive at 50/s: each change is
// loaded once for all of them, each stream sees its own workspace's jobs only, ingest keeps
// answering 2xx (streams and live loads cannot take its connections), and the 11th stream of a
// user and the 301st of the process are refused with 429 and Retry-After.

interface OpenStream {
  workspaceId: string;
  jobs: Set<string>;
  frames: string[];
  close: () => Promise<void>;
}

async function openStream(userId: string, workspaceId: string): Promise<Response> {
  session.userId = userId;
  session.workspaceId = workspaceId;
  return getLive(new Request("http://portal.test/api/live"), { params: Promise.resolve({}) });
}

function follow(response: Response, workspaceId: string): OpenStream {
  const reader = (response.body as ReadableStream<Uint8Array>).getReader();
  const decoder = new TextDecoder();
  const stream: OpenStream = { workspaceId, jobs: new Set(), frames: [], close: async () => undefined };
  let buffer = "";
  const done = (async () => {
    for (;;) {
      const { done: ended, value } = await reader.read().catch(() => ({ done: true, value: undefined }));
      if (ended) return;
      buffer += decoder.decode(value, { stream: true });
      let end: number;
      while ((end = buffer.indexOf("\n\n")) >= 0) {
        const frame = buffer.slice(0, end);
        buffer = buffer.slice(end + 2);
        const event = /^event: (\w+)/m.exec(frame)?.[1];
        if (!event) continue;
        stream.frames.push(event);
        if (event === "job")
          stream.jobs.add((JSON.parse(/^data: (.*)$/m.exec(frame)?.[1] ?? "{}") as { id: string }).id);
      }
    }
  })();
  stream.close = async () => {
    await reader.cancel();
    await done;
  };
  return stream;
}

async function expect429(response: Response, message: RegExp) {
  expect(response.status).toBe(429);
  expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
  expect(errorEnvelopeSchema.parse(await response.json()).error).toMatchObject({
    code: "RATE_LIMITED",
    message: expect.stringMatching(message),
  });
}

describe("300 live streams under 50 events/s", () => {
  it("one load per change, own workspace only, ingest unharmed, caps answered with 429", async () => {
    const watched = await Promise.all([createTestWorkspace(), createTestWorkspace(), createTestWorkspace()]);
    const quiet = await createTestWorkspace(); // nobody watches it; its events must be accepted all the same
    const streams: OpenStream[] = [];
    for (let user = 0; user < 30; user += 1) {
      const workspace = watched[user % 3];
      for (let i = 0; i < 10; i += 1) {
        const response = await openStream(`user_${user}`, workspace.id);
        expect(response.status).toBe(200);
        streams.push(follow(response, workspace.id));
      }
    }
    expect(openLiveStreams()).toBe(300);
    await expect429(await openStream("user_0", watched[0].id), /at most 10 per user/);
    await expect429(await openStream("user_new", watched[0].id), /on this server/);
    await vi.waitFor(() => expect(streams.every((stream) => stream.frames[0] === "ready")).toBe(true), {
      timeout: 20_000,
    });

    // 50 events/s for 3 s: jobs in the three watched workspaces and the quiet one, in turn.
    const loadsBefore = liveStats().loads;
    const targets: TestWorkspace[] = [...watched, quiet];
    const sent = new Map<string, Set<string>>(targets.map((workspace) => [workspace.id, new Set()]));
    const statuses: number[] = [];
    const pending: Array<Promise<void>> = [];
    for (let n = 0; n < 150; n += 1) {
      const workspace = targets[n % targets.length];
      const jobId = `job_live_${n % 40}`;
      const payload = dubJobEvents(jobId)[Math.floor(n / 40)];
      sent.get(workspace.id)?.add(jobId);
      pending.push(postSigned(workspace, payload).then((response) => void statuses.push(response.status)));
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
    await Promise.all(pending);
    expect(statuses.filter((status) => status !== 200)).toEqual([]);

    for (const stream of streams) {
      const expected = [...(sent.get(stream.workspaceId) ?? [])].sort();
      await vi.waitFor(() => expect([...stream.jobs].sort()).toEqual(expected), { timeout: 20_000 });
    }
    // At most one load per applied change (fewer when changes to one job were folded together),
    // never one per stream: 300 streams × 150 changes would be 45,000.
    const loads = liveStats().loads - loadsBefore;
    expect(loads).toBeGreaterThan(0);
    expect(loads).toBeLessThanOrEqual(150);

    await Promise.all(streams.map((stream) => stream.close()));
    await vi.waitFor(() => expect(openLiveStreams()).toBe(0));
    const again = await openStream("user_0", watched[0].id);
    expect(again.status).toBe(200);
    await again.body?.cancel();
  });

  it("cuts off a client that stops reading instead of queueing its frames without end", async () => {
    const workspace = await createTestWorkspace();
    const response = await openStream("user_slow", workspace.id);
    expect(response.status).toBe(200);
    const open = openLiveStreams();
    const reader = (response.body as ReadableStream<Uint8Array>).getReader();
    await reader.read(); // the first frame, then never again
    const rowIds = await insertJobs(
      workspace.id,
      Array.from({ length: 300 }, (_, n) => ({ upstreamJobId: `job_unread_${n}`, createdAt: new Date() })),
    );
    await vi.waitFor(() => expect(liveStats().subscribers).toBeGreaterThan(0));
    await getPool().query(
      "SELECT pg_notify($1, json_build_object('workspaceId', $2::text, 'jobId', id, 'upstreamJobId', 'x', 'status', 'created')::text) FROM unnest($3::text[]) AS id",
      [JOB_CHANGES_CHANNEL, workspace.id, rowIds],
    );
    await vi.waitFor(() => expect(openLiveStreams()).toBe(open - 1), { timeout: 30_000 });
  });
});
