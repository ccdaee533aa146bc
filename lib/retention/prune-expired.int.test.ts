import pg from "pg";
import { describe, expect, it } from "vitest";
import { prisma } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { insertTestDelivery, insertTestEndpoint, insertTestJob } from "@/lib/delivery/testing/insert-test-deliveries";
import { requireDatabaseUrl } from "@/lib/env";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { pruneBatch, START_CURSOR } from "./prune-batch";
import { pruneExpired } from "./prune-expired";

const DAY_MS = 86_400_000;
const NOW = Date.now();
const daysAgo = (days: number) => new Date(NOW - days * DAY_MS);

/** A job with one event per entry, received that many days ago, each with a delivery in that state (or none). */
async function history(
  workspaceId: string,
  endpointId: string,
  events: Array<{ days: number; delivery?: "pending" | "delivering" | "succeeded" | "failed" }>,
) {
  const job = await insertTestJob(workspaceId, events.length);
  const deliveryIds: Array<string | null> = [];
  for (const [index, event] of events.entries()) {
    await prisma.jobEvent.update({ where: { id: job.eventIds[index] }, data: { receivedAt: daysAgo(event.days) } });
    deliveryIds.push(
      event.delivery
        ? await insertTestDelivery(workspaceId, {
            endpointId,
            jobId: job.jobId,
            jobEventId: job.eventIds[index],
            status: event.delivery,
            createdAt: daysAgo(event.days),
            attempts: event.delivery === "pending" ? [{ statusCode: 500 }] : [{ statusCode: 500 }, { statusCode: 200 }],
          })
        : null,
    );
  }
  return { ...job, deliveryIds };
}

async function remaining(workspaceId: string) {
  const [events, deliveries, attempts, jobs] = await Promise.all([
    prisma.jobEvent.count({ where: { workspaceId } }),
    prisma.webhookDelivery.count({ where: { workspaceId } }),
    prisma.webhookAttempt.count({ where: { delivery: { workspaceId } } }),
    prisma.job.count({ where: { workspaceId } }),
  ]);
  return { events, deliveries, attempts, jobs };
}

async function workspaceKeeping(days: number) {
  const workspace = await createTestWorkspace({ data: { retentionDays: days } });
  return { id: workspace.id, endpointId: await insertTestEndpoint(workspace.id) };
}

describe("pruneExpired", () => {
  it("removes events older than the workspace's retention with their deliveries and attempts, and keeps jobs, newer history and pending deliveries", async () => {
    const a = await workspaceKeeping(30);
    const job = await history(a.id, a.endpointId, [
      { days: 40, delivery: "succeeded" },
      { days: 40, delivery: "failed" },
      { days: 40 },
      { days: 45, delivery: "pending" },
      { days: 31, delivery: "delivering" },
      { days: 10, delivery: "succeeded" },
    ]);
    // Another workspace with the default (90 days) and the same ages: untouched.
    const b = await workspaceKeeping(90);
    await history(b.id, b.endpointId, [{ days: 40, delivery: "succeeded" }, { days: 89 }]);
    const before = await remaining(b.id);

    const totals = await pruneExpired(getPool(), { nowMs: NOW, workspaceIds: [a.id, b.id] });

    expect(totals).toEqual({ events: 3, deliveries: 2, attempts: 4 });
    expect(await remaining(a.id)).toEqual({ events: 3, deliveries: 3, attempts: 1 + 2 + 2, jobs: 1 });
    const kept = await prisma.jobEvent.findMany({
      where: { workspaceId: a.id },
      select: { id: true },
      orderBy: { receivedAt: "asc" },
    });
    expect(kept.map((event) => event.id)).toEqual([job.eventIds[3], job.eventIds[4], job.eventIds[5]]);
    expect(await remaining(b.id)).toEqual(before);
  });

  it("works through a long history in small batches, past old events it must keep", async () => {
    const a = await workspaceKeeping(7);
    // The two oldest still have deliveries under way: every batch after the first starts past them.
    await history(a.id, a.endpointId, [
      { days: 60, delivery: "pending" },
      { days: 59, delivery: "pending" },
      ...Array.from({ length: 9 }, (_, index) => ({ days: 50 - index, delivery: "succeeded" as const })),
      { days: 1, delivery: "succeeded" },
    ]);
    const pruned: number[] = [];
    const totals = await pruneExpired(getPool(), {
      nowMs: NOW,
      workspaceIds: [a.id],
      batch: 2,
      onPruned: (_id, removed) => pruned.push(removed.events),
    });
    expect(totals).toEqual({ events: 9, deliveries: 9, attempts: 18 });
    expect(pruned).toEqual([9]);
    expect(await remaining(a.id)).toEqual({ events: 3, deliveries: 3, attempts: 1 + 1 + 2, jobs: 1 });
  });

  it("never removes a delivery that a replay turns back to pending while the batch runs", async () => {
    const a = await workspaceKeeping(30);
    const job = await history(a.id, a.endpointId, [{ days: 40, delivery: "failed" }]);
    // A replay, in a transaction of its own that has not committed yet, sets the delivery pending.
    const replay = new pg.Client({ connectionString: requireDatabaseUrl() });
    await replay.connect();
    try {
      await replay.query("BEGIN");
      await replay.query(`UPDATE "WebhookDelivery" SET status = 'pending', "nextAttemptAt" = now() WHERE id = $1`, [
        job.deliveryIds[0],
      ]);
      const pruning = pruneBatch(getPool(), {
        workspaceId: a.id,
        cutoff: daysAgo(30),
        after: START_CURSOR,
        batch: 100,
      });
      // The batch waits for the replay's row lock, then sees the delivery pending.
      await new Promise((resolve) => setTimeout(resolve, 300));
      await replay.query("COMMIT");
      expect(await pruning).toMatchObject({ candidates: 1, events: 0, deliveries: 0, attempts: 0 });
    } finally {
      await replay.end();
    }
    expect(await remaining(a.id)).toEqual({ events: 1, deliveries: 1, attempts: 2, jobs: 1 });
  });
});
