import "server-only";
import type pg from "pg";
import { env } from "@/lib/env";
import { checkReplica, markReplicaFailed, replicaStatus } from "./check-replica";
import { type Db, getReplicaPrisma, prisma } from "./client";
import { isDatabaseUnavailable } from "./is-database-unavailable";
import { getPool } from "./pool";

// The one place that decides whether a read goes to the read replica (DATABASE_REPLICA_URL) or
// the primary. Only the reads that can be a moment behind ask for the replica — the Jobs list,
// its counts, the overview, the CSV export — and each names the read position it must see
// (lib/http/read-position.ts: the browser's own last change, the newest live update its tab was
// sent). The replica answers when:
// - it is usable (check-replica.ts: reachable, a standby, within DATABASE_REPLICA_MAX_LAG_MS), and
// - it has replayed that position: by the last check (at most a second old), else by a check made
//   now — one round trip to the replica — so the browser that changed something reads it back
//   exactly, not after a guessed delay.
// Otherwise the primary answers. A read the replica fails as an outage does (connection lost,
// server shutting down, a query cancelled by a replication conflict) is run again on the primary,
// and the replica is left alone until a check finds it fit. Without DATABASE_REPLICA_URL every
// read goes to the primary, with no check and no extra query.
export interface Reader {
  source: "primary" | "replica";
  /** The Prisma client of that server. */
  db: Db;
  /** Its pg pool, for plain SQL (the CSV export). */
  pool: pg.Pool;
}

/** Runs a read on the reader a ReadScope chooses; the read may run twice (replica, then primary). */
export type ReadScope = <T>(read: (reader: Reader) => Promise<T>) => Promise<T>;

function primary(): Reader {
  return { source: "primary", db: prisma, pool: getPool() };
}

function replica(): Reader {
  return { source: "replica", db: getReplicaPrisma(), pool: getPool("replica") };
}

/** Every read on the primary: what needs the newest data, and everything but the reads named above. */
export const readFromPrimary: ReadScope = (read) => read(primary());

/** Whether a read that must see `after` (null: nothing in particular) may go to the replica now. */
export async function chooseReadSource(after: bigint | null): Promise<Reader["source"]> {
  if (!env.DATABASE_REPLICA_URL) return "primary";
  let status = replicaStatus();
  if (status.checkedAt === 0) status = await checkReplica();
  if (!status.usable || status.replayed === null) return "primary";
  if (after === null || status.replayed >= after) return "replica";
  status = await checkReplica();
  return status.usable && status.replayed !== null && status.replayed >= after ? "replica" : "primary";
}

/** Reads that may come from the replica, for a browser that must see `after` (lib/http/read-position.ts readPositionOf). */
export function readFromReplica(after: bigint | null): ReadScope {
  if (!env.DATABASE_REPLICA_URL) return readFromPrimary;
  return async (read) => {
    if ((await chooseReadSource(after)) === "replica") {
      try {
        return await read(replica());
      } catch (error) {
        if (!isDatabaseUnavailable(error)) throw error;
        markReplicaFailed(error);
      }
    }
    return read(primary());
  };
}
