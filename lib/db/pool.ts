import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";

// One pg pool per process, shared by Prisma's adapter and the hot paths that speak SQL directly
// (ingest, LISTEN/NOTIFY). Created on first use so that importing this module never connects.
const globalForPool = globalThis as unknown as { jobsPortalPool?: pg.Pool };

// DECIMAL and BIGINT come back as strings by default; the serializers decide how to present them.
export function getPool(): pg.Pool {
  if (!globalForPool.jobsPortalPool) {
    globalForPool.jobsPortalPool = new pg.Pool({
      connectionString: requireDatabaseUrl(),
      max: 10,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    // An idle client losing its connection (database restart) must not crash the process.
    globalForPool.jobsPortalPool.on("error", () => undefined);
  }
  return globalForPool.jobsPortalPool;
}

export async function closePool(): Promise<void> {
  const pool = globalForPool.jobsPortalPool;
  globalForPool.jobsPortalPool = undefined;
  await pool?.end();
}

/**
 * Tests only: makes getPool() return `pool` (e.g. one behind a TCP proxy the test can cut, to
 * see the database go away mid-request without stopping the shared test server). Returns the
 * pool it replaces, which the test puts back; Prisma's client keeps the pool it was built with.
 */
export function replacePoolForTests(pool: pg.Pool | undefined): pg.Pool | undefined {
  const previous = globalForPool.jobsPortalPool;
  globalForPool.jobsPortalPool = pool;
  return previous;
}
