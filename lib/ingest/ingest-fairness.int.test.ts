import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  // 1,000 events may wait, 500 of them one workspace's.
  process.env.INGEST_QUEUE_MAX = "1000";
  process.env.INGEST_QUEUE_WORKSPACE_SHARE = "0.5";
});

import { errorEnvelopeSchema } from "@/lib/contract/errors";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { ingestQueueDepth, MAX_EVENTS_PER_GROUP, maxGroupsInFlight, workspaceQueueLimit } from "./group-commits";
import { dubJobEvents } from "./testing/sample-events";
import { countRows, postSigned } from "./testing/webhook-requests";

// One workspace floods validly signed events beside a quiet one: the flood is held to its share
// of the queue (beyond it: 503 with Retry-After, nothing written), and each of the quiet
// workspace's events is stored after at most the groups already under way — not after the
// hundreds of flood events queued before it.

// Flood events answered between a quiet event joining the queue and its answer: the groups in
// flight when it is queued, its own group (formed next: round-robin), and the groups the other
// slots finish while its statement runs (one more each, and a margin of one). First-in-first-out,
// it would be every flood event queued before it: 300 to 500 here. (Counted from the moment it is
// queued, not sent: while it is verified, flood events keep being committed, as many as the
// database manages in that time — a measure of speed, not of the queue's order.)
const AT_MOST_AHEAD = (2 * maxGroupsInFlight() + 1) * MAX_EVENTS_PER_GROUP;

describe("ingest under a flooding workspace", () => {
  it("bounds the flood's share of the queue and keeps the quiet workspace's events near the front", async () => {
    const flood = await createTestWorkspace();
    const quiet = await createTestWorkspace();
    expect(workspaceQueueLimit()).toBe(500);

    // Warm: every connection of the ingest pool open and its statement prepared, as in a portal
    // that has been running (a first connection's handshake would hold up whichever group gets it).
    await Promise.all(Array.from({ length: 200 }, (_, n) => postSigned(flood, dubJobEvents(`job_warm_${n}`)[0])));

    let floodDone = 0;
    const floodStatuses: number[] = [];
    const retryAfters = new Set<string | null>();
    const floodRequests = Array.from({ length: 900 }, (_, n) =>
      postSigned(flood, dubJobEvents(`job_flood_${n}`)[0]).then(async (response) => {
        floodStatuses.push(response.status);
        if (response.status === 503) {
          retryAfters.add(response.headers.get("retry-after"));
          expect(errorEnvelopeSchema.parse(await response.json()).error.code).toBe("UPSTREAM_UNAVAILABLE");
        } else {
          floodDone += 1;
        }
      }),
    );
    await vi.waitFor(() => expect(ingestQueueDepth(flood.id)).toBeGreaterThanOrEqual(300), { timeout: 30_000 });
    expect(ingestQueueDepth(flood.id)).toBeLessThanOrEqual(500);

    // The quiet workspace's events, one at a time while the flood is queued.
    const aheadOfQuiet: number[] = [];
    for (let n = 0; n < 5 && ingestQueueDepth(flood.id) >= 300; n += 1) {
      const sentAt = floodDone;
      let answered = false;
      const answer = postSigned(quiet, dubJobEvents(`job_quiet_${n}`)[0]).finally(() => (answered = true));
      let queuedAt: number | null = null;
      while (!answered && queuedAt === null) {
        if (ingestQueueDepth(quiet.id) > 0) queuedAt = floodDone;
        await new Promise((resolve) => setImmediate(resolve));
      }
      expect((await answer).status).toBe(200);
      aheadOfQuiet.push(floodDone - (queuedAt ?? sentAt));
    }
    await Promise.all(floodRequests);

    expect(aheadOfQuiet.length).toBeGreaterThan(0);
    for (const ahead of aheadOfQuiet) expect(ahead).toBeLessThanOrEqual(AT_MOST_AHEAD);
    expect(floodStatuses.every((status) => status === 200 || status === 503)).toBe(true);
    const refused = floodStatuses.filter((status) => status === 503).length;
    expect(refused).toBeGreaterThan(0); // 900 at once cannot all wait: the share is 500
    expect([...retryAfters].every((value) => value !== null && /^\d+$/.test(value))).toBe(true);
    // Refused events were not written; accepted ones were, once.
    expect((await countRows(flood.id)).events).toBe(200 + floodStatuses.length - refused);
    expect((await countRows(quiet.id)).events).toBe(aheadOfQuiet.length);
    expect(ingestQueueDepth()).toBe(0);
  });
});
