import "server-only";
import { env } from "@/lib/env";
import { parsePosition } from "@/lib/http/read-position";
import { logger } from "@/lib/log/logger";
import { getPool } from "./pool";
import { readWritePosition } from "./read-write-position";
import { measureReplicaLag, type PositionSample } from "./replica-lag";

// What this process knows of the read replica: whether reads may go there, and how far it has
// replayed. A check reads the replica's replay position and the primary's WAL position side by
// side (one small query each), at most once a second and only while reads ask (no timer); a
// replica that cannot be reached, is not a standby, or is more than DATABASE_REPLICA_MAX_LAG_MS
// behind is not used until a check finds it fit again. Each change between used and not used is
// logged once.
export interface ReplicaStatus {
  /** Reachable, a standby, and within the lag limit. */
  usable: boolean;
  /** The replica's replay position at the last check (pg_last_wal_replay_lsn()). */
  replayed: bigint | null;
  lagMs: number;
  /** Why it is not used, when it is not. */
  reason: string | null;
  /** When the last check began (0: never). */
  checkedAt: number;
}

export const CHECK_REPLICA_EVERY_MS = 1_000;

interface State {
  status: ReplicaStatus;
  samples: PositionSample[];
  checking: Promise<ReplicaStatus> | null;
}

// On globalThis: Next.js may evaluate this module once per route bundle, and every route must share one view.
const globalForReplica = globalThis as unknown as { jobsPortalReplica?: State };
const state: State = (globalForReplica.jobsPortalReplica ??= {
  status: { usable: false, replayed: null, lagMs: 0, reason: "not checked yet", checkedAt: 0 },
  samples: [],
  checking: null,
});

/** The error's last line: Prisma's messages start with the invocation and end with the cause. */
function messageOf(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.trim().split("\n").at(-1) ?? text;
}

function settle(next: Omit<ReplicaStatus, "checkedAt">, checkedAt: number): ReplicaStatus {
  const before = state.status;
  state.status = { ...next, checkedAt };
  if (before.usable && !next.usable)
    logger.warn({ reason: next.reason }, "read replica: not used, reading from the primary");
  else if (!before.usable && !next.usable && before.checkedAt === 0)
    logger.warn({ reason: next.reason }, "read replica: not used, reading from the primary");
  else if (!before.usable && next.usable) logger.info({ lagMs: next.lagMs }, "read replica: in use");
  return state.status;
}

async function runCheck(): Promise<ReplicaStatus> {
  const checkedAt = Date.now();
  const [primary, replica] = await Promise.all([
    readWritePosition(),
    getPool("replica")
      .query<{ standby: boolean; replayed: string | null }>(
        "SELECT pg_is_in_recovery() AS standby, pg_last_wal_replay_lsn()::text AS replayed",
      )
      .then(
        ({ rows }) => rows[0],
        (error: unknown) => ({ error }),
      ),
  ]);
  if ("error" in replica)
    return settle(
      { usable: false, replayed: null, lagMs: 0, reason: `unreachable: ${messageOf(replica.error)}` },
      checkedAt,
    );
  const replayed = parsePosition(replica.replayed);
  if (!replica.standby || replayed === null)
    return settle(
      { usable: false, replayed: null, lagMs: 0, reason: "not a standby (pg_is_in_recovery() is false)" },
      checkedAt,
    );
  const reading = measureReplicaLag(state.samples, { now: Date.now(), primary: parsePosition(primary), replayed });
  state.samples = reading.samples;
  const tooFar = reading.lagMs > env.DATABASE_REPLICA_MAX_LAG_MS;
  return settle(
    {
      usable: !tooFar,
      replayed,
      lagMs: reading.lagMs,
      reason: tooFar
        ? `${Math.round(reading.lagMs / 1000)} s behind the primary (DATABASE_REPLICA_MAX_LAG_MS is ${env.DATABASE_REPLICA_MAX_LAG_MS})`
        : null,
    },
    checkedAt,
  );
}

/** A check now, or the one under way: a replay position read from the replica at or after this call's start, or an older one still in flight (replay only moves forward). */
export function checkReplica(): Promise<ReplicaStatus> {
  state.checking ??= runCheck().finally(() => {
    state.checking = null;
  });
  return state.checking;
}

/** The last check's view, starting a check in the background when it is over a second old. */
export function replicaStatus(): ReplicaStatus {
  if (Date.now() - state.status.checkedAt >= CHECK_REPLICA_EVERY_MS) void checkReplica();
  return state.status;
}

/** For the metrics: the replica's status, checked now if the last check is over a second old; null without a replica. */
export async function replicaStatusNow(): Promise<ReplicaStatus | null> {
  if (!env.DATABASE_REPLICA_URL) return null;
  const last = replicaStatus();
  return Date.now() - last.checkedAt >= CHECK_REPLICA_EVERY_MS ? checkReplica() : last;
}

/** A read on the replica failed as an outage does: stop using it until a check finds it fit. */
export function markReplicaFailed(error: unknown): void {
  settle({ ...state.status, usable: false, reason: `a read failed: ${messageOf(error)}` }, Date.now());
}

/** Tests: forget what was seen, as a new process would. */
export function forgetReplicaStatus(): void {
  state.status = { usable: false, replayed: null, lagMs: 0, reason: "not checked yet", checkedAt: 0 };
  state.samples = [];
}
