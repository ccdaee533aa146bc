import "server-only";
import type { Db } from "@/lib/db/client";
import { DELIVERY_WAKE_CHANNEL } from "@/lib/delivery/channel";

/**
 * Tells listening workers to look for due deliveries now instead of at their next poll. Called
 * inside the transaction that made them due: PostgreSQL sends the notification on commit, when
 * the rows are visible.
 */
export async function wakeDeliveryWorkers(tx: Pick<Db, "$executeRaw">): Promise<void> {
  await tx.$executeRaw`SELECT pg_notify(${DELIVERY_WAKE_CHANNEL}, '')`;
}
