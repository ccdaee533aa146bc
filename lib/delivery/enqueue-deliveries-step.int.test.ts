import pg from "pg";
import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { getPool } from "@/lib/db/pool";
import { requireDirectDatabaseUrl } from "@/lib/env";
import { announceChanges } from "@/lib/ingest/announce-changes";
import { applyEvents } from "@/lib/ingest/apply-events";
import { buildEventInput } from "@/lib/ingest/build-event-input";
import { parseIngestPayload } from "@/lib/ingest/schemas";
import { dubJobEvents, samplePayload, T0 } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { DELIVERY_WAKE_CHANNEL } from "./channel";
import { createTestEndpoint } from "./testing/create-test-endpoint";

// The outbox: each stored event becomes one WebhookDelivery per subscribed, enabled endpoint of
// its workspace, written by the statement that stores the event — so in its transaction.

const deliveriesOf = (workspaceId: string) =>
  prisma.webhookDelivery.findMany({
    where: { workspaceId },
    select: {
      endpointId: true,
      eventType: true,
      messageId: true,
      status: true,
      attemptCount: true,
      jobEvent: { select: { webhookId: true } },
    },
    orderBy: { createdAt: "asc" },
  });

async function send(workspace: { id: string; secret: string }, payload: unknown, id?: string) {
  const response = await postSigned(workspace, payload, { id });
  expect(response.status).toBe(200);
  return ((await response.json()) as { disposition: string }).disposition;
}

describe("the outbox step", () => {
  it("enqueues one delivery per enabled endpoint subscribed to the event type, in this workspace only", async () => {
    const workspace = await createTestWorkspace();
    const other = await createTestWorkspace();
    const all = await createTestEndpoint(workspace.id, "https://a.example.com/hook");
    const completedOnly = await createTestEndpoint(workspace.id, "https://b.example.com/hook", {
      eventTypes: ["job.completed"],
    });
    await createTestEndpoint(workspace.id, "https://c.example.com/hook", { enabled: false });
    await createTestEndpoint(other.id, "https://d.example.com/hook");

    const [created, , , , , , , , merged] = dubJobEvents("job_out");
    await send(workspace, created, "msg_in_created");
    await send(workspace, merged, "msg_in_merged");

    const deliveries = await deliveriesOf(workspace.id);
    const rows = deliveries.map((d) => [d.endpointId, d.eventType, d.jobEvent.webhookId]);
    expect(rows).toHaveLength(3);
    expect(rows).toEqual(
      expect.arrayContaining([
        [all.id, "job.created", "msg_in_created"],
        [all.id, "job.completed", "msg_in_merged"],
        [completedOnly.id, "job.completed", "msg_in_merged"],
      ]),
    );
    for (const delivery of deliveries) {
      expect(delivery).toMatchObject({
        status: "pending",
        attemptCount: 0,
        messageId: expect.stringMatching(/^msg_[0-9a-f]{32}$/),
      });
    }
    expect(new Set(deliveries.map((d) => d.messageId)).size).toBe(3);
    expect(await deliveriesOf(other.id)).toEqual([]);
  });

  it("enqueues nothing for a redelivered webhook-id, and nothing for a disabled or unsubscribed endpoint", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, "https://a.example.com/hook", { eventTypes: ["job.created"] });
    await createTestEndpoint(workspace.id, "https://b.example.com/hook", { enabled: false });
    const [created, transcribing] = dubJobEvents("job_dup");
    await send(workspace, created, "msg_same");
    expect(await send(workspace, created, "msg_same")).toBe("already_received");
    await send(workspace, transcribing);
    expect((await deliveriesOf(workspace.id)).map((d) => d.jobEvent.webhookId)).toEqual(["msg_same"]);
  });

  it("relays late and duplicate events (each is an event the upstream sent), not ignored ones", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, "https://a.example.com/hook");
    const [created, transcribing, transcribed] = dubJobEvents("job_order");
    expect(await send(workspace, transcribed)).toBe("applied");
    expect(await send(workspace, created)).toBe("late");
    expect(await send(workspace, { ...transcribed, timestamp: "2025-12-07T12:00:25Z" })).toBe("duplicate");
    expect(await send(workspace, { ...transcribing, event: "job.progress_updated" })).toBe("ignored");
    // A known type contradicting the job's workflow is refused as inconsistent: not passed on.
    expect(await send(workspace, samplePayload("transcribe", "transcribed", "job_order", T0))).toBe("ignored");
    expect((await deliveriesOf(workspace.id)).map((d) => d.eventType)).toEqual([
      "job.processing",
      "job.created",
      "job.processing",
    ]);
  });

  it("is written in the event's transaction: invisible until commit, gone with a rollback; the wake-up is announced after the commit", async () => {
    const workspace = await createTestWorkspace();
    await createTestEndpoint(workspace.id, "https://a.example.com/hook");
    const listener = new pg.Client({ connectionString: requireDirectDatabaseUrl() });
    await listener.connect();
    const wakes: string[] = [];
    // Other test files share the database and the channel: only this workspace's wake-ups count.
    listener.on("notification", (message) => message.payload === workspace.id && wakes.push(message.channel));
    await listener.query(`LISTEN ${DELIVERY_WAKE_CHANNEL}`);
    const [created, transcribing] = dubJobEvents("job_tx");
    const input = (payload: typeof created, webhookId: string) =>
      buildEventInput(
        { workspaceId: workspace.id, webhookId },
        parseIngestPayload(payload, JSON.stringify(payload)),
        payload,
      );
    const counts = async () => ({
      events: await prisma.jobEvent.count({ where: { workspaceId: workspace.id } }),
      deliveries: await prisma.webhookDelivery.count({ where: { workspaceId: workspace.id } }),
    });

    const client = await getPool().connect();
    try {
      await client.query("BEGIN");
      const rolledBack = await applyEvents([input(created, "msg_rolled_back")], client);
      expect(rolledBack.results[0].stored).toBe(true);
      expect(await counts()).toEqual({ events: 0, deliveries: 0 });
      await client.query("ROLLBACK");
      expect(await counts()).toEqual({ events: 0, deliveries: 0 });

      await client.query("BEGIN");
      // One job twice: two statements (waves) in the one transaction.
      const committed = await applyEvents(
        [input(created, "msg_committed"), input(transcribing, "msg_committed_2")],
        client,
      );
      expect(committed.announcement.wakes).toEqual([workspace.id]);
      await new Promise((resolve) => setTimeout(resolve, 100));
      expect(wakes).toEqual([]); // the statements notify nothing themselves
      await client.query("COMMIT");
      announceChanges(committed.announcement);
    } finally {
      client.release();
    }
    expect(await counts()).toEqual({ events: 2, deliveries: 2 });
    await vi.waitFor(() => expect(wakes).toEqual([DELIVERY_WAKE_CHANNEL]));
    await listener.end();
  });
});
