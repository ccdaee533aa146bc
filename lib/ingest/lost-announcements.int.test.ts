import { afterAll, describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // This process announces nothing after its commits: as if it died after each one, or every
  // announcement failed. Nothing else about ingest changes.
  process.env.INGEST_TEST_SWITCH_OFF = "notify";
});

import { DEFAULT_POLL_MS } from "@/lib/delivery/create-delivery-worker";
import { createTestEndpoint } from "@/lib/delivery/testing/create-test-endpoint";
import { ownPoolWorkers } from "@/lib/delivery/testing/own-pool-workers";
import { receiverForThisFile } from "@/lib/delivery/testing/start-receiver";
import { requireDirectDatabaseUrl } from "@/lib/env";
import { type LiveSignal, subscribeToJobChanges } from "@/lib/live/listen-job-changes";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { dubJobEvents } from "./testing/sample-events";
import { postSigned } from "./testing/webhook-requests";

// Announcements come after the commit, so one can be lost with the data safely stored. Listeners
// that hear nothing catch up from the rows within a second: the live pages' listener (its sweep)
// and the delivery workers (their poll) — both LISTENing as in production, and hearing nothing.
const receiver = receiverForThisFile();
const workers = ownPoolWorkers();
afterAll(() => {
  delete process.env.INGEST_TEST_SWITCH_OFF;
});

describe("a change whose notification is lost", () => {
  it("reaches the live pages within a second, from the rows", async () => {
    const workspace = await createTestWorkspace();
    const frames: Array<{ at: number; id: string; status: string }> = [];
    const stop = subscribeToJobChanges(workspace.id, (signal: LiveSignal) => {
      if (signal.type === "job") frames.push({ at: Date.now(), id: signal.job.id, status: signal.job.status });
    });
    try {
      const [created, transcribing] = dubJobEvents("job_unannounced");
      for (const payload of [created, transcribing]) {
        expect((await postSigned(workspace, payload)).status).toBe(200);
        const committedBy = Date.now();
        await vi.waitFor(() => expect(frames.map((frame) => frame.status)).toContain(payload.data.status), {
          timeout: 1_000,
          interval: 10,
        });
        const frame = frames.find((candidate) => candidate.status === payload.data.status);
        expect(frame?.id).toBe("job_unannounced");
        expect((frame?.at ?? Infinity) - committedBy).toBeLessThanOrEqual(1_000);
      }
    } finally {
      stop();
    }
  });

  it("is delivered by a listening worker that was never woken, its poll finding the row within a second", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, receiver.url("/unannounced"));
    // The product's defaults (LISTEN on, the default poll), only kept to this workspace's rows.
    const worker = workers([workspace.id], { listen: requireDirectDatabaseUrl(), pollMs: DEFAULT_POLL_MS });
    worker.start();
    try {
      await new Promise((resolve) => setTimeout(resolve, 1_500)); // its first look (at start) is long over
      expect((await postSigned(workspace, dubJobEvents("job_unwoken")[0])).status).toBe(200);
      const committedBy = Date.now();
      const [request] = await receiver.waitFor(1, 5_000);
      expect(request.path).toBe("/unannounced");
      // Found by the poll within a second; the rest is the HTTP exchange itself (loopback).
      expect(request.receivedAt - committedBy).toBeLessThanOrEqual(1_200);
    } finally {
      await worker.stop();
    }
  });
});
