import "server-only";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { getPool } from "./pool";

// The primary's WAL position now (pg_current_wal_lsn(): what it has written out, which includes
// the commit record of every transaction committed synchronously before the call). A read that
// needs a change committed before the call is exact on a replica whose replay position has
// reached it (read-from-replica.ts). Callers at the same moment share one query, but never one
// that began before they called (it could predate their commit): each call joins the next read,
// which starts on the next turn of the event loop.
let next: Promise<string | null> | null = null;

async function query(): Promise<string | null> {
  try {
    const { rows } = await getPool().query<{ position: string }>("SELECT pg_current_wal_lsn()::text AS position");
    return rows[0]?.position ?? null;
  } catch (error) {
    logger.warn({ error }, "the primary's WAL position could not be read");
    return null;
  }
}

/** The primary's position as pg_lsn text; null without a replica (nothing needs it) or when it cannot be read. */
export function readWritePosition(): Promise<string | null> {
  if (!env.DATABASE_REPLICA_URL) return Promise.resolve(null);
  next ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
    next = null;
    return query();
  });
  return next;
}
