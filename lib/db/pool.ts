import "server-only";
import pg from "pg";
import { behindTransactionPooler, env, requireDatabaseUrl, requireDirectDatabaseUrl } from "@/lib/env";
import { UnnamedStatementClient } from "./unnamed-statement-client";

// One pg pool per use and process, so that no use can take the connections another needs:
// - app: Prisma — pages, session and /v1 routes, live updates (which also have their own
//   budget inside it, lib/live/fetch-changed-jobs.ts);
// - ingest: the inbound webhook statement and its group commits, which must keep answering
//   however busy the Jobs page or the live streams are;
// - delivery: the delivery worker's claims and outcomes;
// - replica: reads served by DATABASE_REPLICA_URL (read-from-replica.ts), when it is set — as
//   many connections as the app pool, and the same timeouts.
// Every connection has a statement_timeout, so one slow query cannot hold a connection for
// long (and an idle-in-transaction timeout), and TCP keepalive, so a vanished server is noticed. Pools are created
// on first use so that importing this module never connects.
export type PoolUse = "app" | "ingest" | "delivery" | "replica";

const globalForPools = globalThis as unknown as { jobsPortalPools?: Partial<Record<PoolUse, pg.Pool>> };
const pools = (globalForPools.jobsPortalPools ??= {});

function maxFor(use: PoolUse): number {
  if (use === "ingest") return env.DATABASE_INGEST_POOL_MAX;
  if (use === "delivery") return env.DATABASE_DELIVERY_POOL_MAX;
  return env.DATABASE_POOL_MAX;
}

const CONNECTION_SETTINGS = {
  connectionTimeoutMillis: 5_000,
  keepAlive: true,
  keepAliveInitialDelayMillis: 10_000,
} as const;

/** Connection settings shared by every pool: DATABASE_URL, which may be a transaction pooler. */
export function connectionConfig(): pg.ClientConfig {
  return { connectionString: requireDatabaseUrl(), ...CONNECTION_SETTINGS };
}

function connectionConfigFor(use: PoolUse): pg.ClientConfig {
  if (use !== "replica") return connectionConfig();
  if (!env.DATABASE_REPLICA_URL) throw new Error("DATABASE_REPLICA_URL is not set: there is no replica pool");
  return { connectionString: env.DATABASE_REPLICA_URL, ...CONNECTION_SETTINGS };
}

/** For sessions a pooler cannot carry (LISTEN, lib/db/listen-with-reconnect.ts): DIRECT_DATABASE_URL, else DATABASE_URL. */
export function directConnectionConfig(): pg.ClientConfig {
  return { connectionString: requireDirectDatabaseUrl(), ...CONNECTION_SETTINGS };
}

/**
 * Run on every new pooled connection before anything else.
 * A SET, not startup parameters: a transaction pooler (PgBouncer) refuses unknown startup
 * parameters outright, while a SET merely applies to the server connection it lands on — behind
 * one, set statement_timeout on the database role too (README).
 */
function sessionSettings(): string {
  const settings = ["SET idle_in_transaction_session_timeout = 60000"];
  if (env.DATABASE_STATEMENT_TIMEOUT_MS > 0)
    settings.push(`SET statement_timeout = ${env.DATABASE_STATEMENT_TIMEOUT_MS}`);
  return settings.join("; ");
}

/**
 * A pg pool on DATABASE_URL's terms: behind a transaction pooler (DIRECT_DATABASE_URL set), its
 * clients send no named prepared statements (unnamed-statement-client.ts). Every pool of the
 * portal's is made here, and so are the tests' and benchmarks' own.
 */
export function createPool(config: pg.PoolConfig): pg.Pool {
  return new pg.Pool({ ...config, ...(behindTransactionPooler() && { Client: UnnamedStatementClient }) });
}

// DECIMAL and BIGINT come back as strings by default; the serializers decide how to present them.
export function getPool(use: PoolUse = "app"): pg.Pool {
  let pool = pools[use];
  if (!pool) {
    const settings = sessionSettings();
    // Awaited before the pool hands the connection out (a query queued behind another on one client
    // is deprecated in pg 8 and gone in pg 9); a failure ends that connection and reaches its caller.
    pool = createPool({
      ...connectionConfigFor(use),
      max: maxFor(use),
      idleTimeoutMillis: 30_000,
      onConnect: async (client) => {
        await client.query(settings);
      },
    });
    // An idle client losing its connection (database restart) must not crash the process.
    pool.on("error", () => undefined);
    pools[use] = pool;
  }
  return pool;
}

/** Connections of the pools this process has opened, for the metrics: in all, idle, and callers waiting for one. */
export function poolUsage(): Partial<Record<PoolUse, { total: number; idle: number; waiting: number }>> {
  return Object.fromEntries(
    Object.entries(pools).map(([use, pool]) => [
      use,
      { total: pool.totalCount, idle: pool.idleCount, waiting: pool.waitingCount },
    ]),
  );
}

export async function closePool(): Promise<void> {
  const open = Object.values(pools);
  for (const use of Object.keys(pools) as PoolUse[]) delete pools[use];
  await Promise.all(open.map((pool) => pool.end()));
}

/**
 * Tests only: makes getPool(use) return `pool` (e.g. one behind a TCP proxy the test can cut, to
 * see the database go away mid-request without stopping the shared test server). Returns the
 * pool it replaces, which the test puts back; Prisma's client keeps the pool it was built with.
 */
export function replacePoolForTests(use: PoolUse, pool: pg.Pool | undefined): pg.Pool | undefined {
  const previous = pools[use];
  if (pool) pools[use] = pool;
  else delete pools[use];
  return previous;
}
