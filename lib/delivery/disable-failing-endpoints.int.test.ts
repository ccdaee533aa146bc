import { describe, expect, it, vi } from "vitest";
import { prisma } from "@/lib/db/client";
import { createPool, getPool } from "@/lib/db/pool";
import { requireDatabaseUrl } from "@/lib/env";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { createDeliveryWorker } from "./create-delivery-worker";
import { disableFailingEndpoints } from "./disable-failing-endpoints";
import { FAILING_DISABLE_AFTER_MS, FAILING_DISABLED_REASON } from "./retry-schedule";
import { createTestEndpoint } from "./testing/create-test-endpoint";

// The five-day disable happens when five days have passed, not only when an attempt happens to be
// recorded then: every delivery may have used its attempts a day after the failures began.

const DAY = 24 * 3_600_000;

async function failingEndpoint(failingForMs: number) {
  const workspace = await createTestWorkspace();
  const endpoint = await createTestEndpoint(workspace.id, "https://1.1.1.1/hooks");
  for (const step of [0, 1])
    expect((await postSigned(workspace, dubJobEvents(`job_sweep_${workspace.id}`)[step])).status).toBe(200);
  const [gaveUp, pending] = await prisma.webhookDelivery.findMany({
    where: { workspaceId: workspace.id },
    orderBy: { createdAt: "asc" },
  });
  await prisma.webhookDelivery.update({
    where: { id: gaveUp.id },
    data: { status: "failed", attemptCount: 8, lastStatusCode: 500, lastError: "HTTP 500", completedAt: new Date() },
  });
  await prisma.webhookDelivery.update({
    where: { id: pending.id },
    data: { attemptCount: 3, nextAttemptAt: new Date(Date.now() + DAY), lastError: "HTTP 500" },
  });
  await prisma.webhookEndpoint.update({
    where: { id: endpoint.id },
    data: { failingSince: new Date(Date.now() - failingForMs) },
  });
  return { workspace, endpoint, pending };
}

describe("the five-day disable", () => {
  it("disables an endpoint failing for five days with nothing left to attempt, and fails what is still pending", async () => {
    const young = await failingEndpoint(FAILING_DISABLE_AFTER_MS - 60_000);
    const old = await failingEndpoint(FAILING_DISABLE_AFTER_MS + 60_000);
    const now = Date.now();
    const disabled = await disableFailingEndpoints(getPool(), now, [young.workspace.id, old.workspace.id]);
    expect(disabled).toEqual([{ id: old.endpoint.id, workspaceId: old.workspace.id }]);

    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: old.endpoint.id } })).toMatchObject({
      enabled: false,
      disabledReason: FAILING_DISABLED_REASON,
      disabledAt: new Date(now),
    });
    expect(await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: old.pending.id } })).toMatchObject({
      status: "failed",
      lastError: `Endpoint disabled: ${FAILING_DISABLED_REASON}`,
    });
    expect(await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: young.endpoint.id } })).toMatchObject({
      enabled: true,
      disabledReason: null,
    });
    expect((await prisma.webhookDelivery.findUniqueOrThrow({ where: { id: young.pending.id } })).status).toBe(
      "pending",
    );
    expect(await disableFailingEndpoints(getPool(), now, [old.workspace.id])).toEqual([]);
  });

  it("is checked by the worker loop, with no event and no attempt", async () => {
    const { workspace, endpoint } = await failingEndpoint(FAILING_DISABLE_AFTER_MS + 60_000);
    const pool = createPool({ connectionString: requireDatabaseUrl(), max: 2 });
    const worker = createDeliveryWorker({
      pool,
      workspaceIds: [workspace.id],
      listen: false,
      policy: { allowPrivate: true },
    });
    worker.start();
    try {
      await vi.waitFor(async () =>
        expect((await prisma.webhookEndpoint.findUniqueOrThrow({ where: { id: endpoint.id } })).enabled).toBe(false),
      );
    } finally {
      await worker.stop();
      await pool.end();
    }
  });
});
