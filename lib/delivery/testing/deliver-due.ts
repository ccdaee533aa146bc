import { getPool } from "@/lib/db/pool";
import { claimDeliveries } from "../claim-deliveries";
import { DEFAULT_TIMEOUT_MS } from "../post-webhook";
import { recordOutcome } from "../record-outcome";
import { requestFreshLinks, sendDelivery, type DeliveryContext } from "../send-delivery";

// Integration-test support: one worker turn, awaited — claim what is due at the test's clock in
// the test's workspace, send it all, record it all. Deterministic where the worker loop is not.
export type TestContext = Partial<DeliveryContext> & { clock: () => number };

export function testContext(overrides: TestContext): DeliveryContext {
  const db = overrides.db ?? getPool();
  return {
    db,
    record: (record) => recordOutcome(db, record, overrides.clock()),
    random: () => 0.5,
    timeoutMs: DEFAULT_TIMEOUT_MS,
    policy: { allowPrivate: true },
    requestLinks: requestFreshLinks,
    ...overrides,
  };
}

export async function deliverDue(workspaceId: string, overrides: TestContext, limit = 100): Promise<number> {
  const context = testContext(overrides);
  const claimed = await claimDeliveries(context.db, { nowMs: context.clock(), limit, perEndpoint: 100, leaseMs: 60_000, workspaceId });
  await Promise.all(claimed.map((delivery) => sendDelivery(delivery, context)));
  return claimed.length;
}
