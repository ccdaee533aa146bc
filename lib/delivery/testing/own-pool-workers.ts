import type pg from "pg";
import { afterAll } from "vitest";
import { createPool } from "@/lib/db/pool";
import { requireDatabaseUrl } from "@/lib/env";
import { createDeliveryWorker, type DeliveryWorker, type DeliveryWorkerOptions } from "../create-delivery-worker";

/**
 * Integration-test support: delivery workers as separate processes would run them — each with a
 * pool of its own, for the test's workspaces only, polling fast and without LISTEN — the pools
 * closed after the file's last test.
 */
export function ownPoolWorkers(): (workspaceIds: string[], options?: DeliveryWorkerOptions) => DeliveryWorker {
  const pools: pg.Pool[] = [];
  afterAll(async () => {
    await Promise.all(pools.map((pool) => pool.end()));
  });
  return (workspaceIds, options = {}) => {
    const pool = createPool({ connectionString: requireDatabaseUrl(), max: 6 });
    pools.push(pool);
    return createDeliveryWorker({
      pool,
      workspaceIds,
      policy: { allowPrivate: true },
      listen: false,
      pollMs: 100,
      ...options,
    });
  };
}
