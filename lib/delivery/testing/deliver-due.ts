import { getPool } from "@/lib/db/pool";
import { claimDeliveries } from "../claim-deliveries";
import { DEFAULT_TIMEOUT_MS } from "../post-webhook";
import { recordOutcome } from "../record-outcome";
import { type DeliveryContext, requestFreshLinks, sendDelivery } from "../send-delivery";
import { shareFreshLinks } from "../share-fresh-links";

// Integration-test support: one worker turn, awaited — claim what is due at the test's clock in
// the test's workspace, send it all, record it all. Deterministic where the worker loop is not.
// Completed-job links are shared within the turn, as the worker shares them within a round.
export type TestContext = Partial<DeliveryContext> & { clock: () => number };

export function testContext(overrides: TestContext): DeliveryContext {
  const db = overrides.db ?? getPool();
  return {
    db,
    record: (record) => recordOutcome(db, record, overrides.clock()),
    random: () => 0.5,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    policy: { allowPrivate: true },
    ...overrides,
    requestLinks: shareFreshLinks(overrides.requestLinks ?? requestFreshLinks, { clock: overrides.clock }),
  };
}

export async function deliverDue(workspaceId: string, overrides: TestContext, limit = 100): Promise<number> {
  const context = testContext(overrides);
  const { deliveries } = await claimDeliveries(context.db, {
    nowMs: context.clock(),
    limit,
    perEndpoint: 100,
    perWorkspace: 100,
    leaseMs: 60_000,
    workspaceIds: [workspaceId],
  });
  await Promise.all(deliveries.map((delivery) => sendDelivery(delivery, context)));
  return deliveries.length;
}
