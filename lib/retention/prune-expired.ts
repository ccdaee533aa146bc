import type pg from "pg";
import { pruneBatch, START_CURSOR } from "./prune-batch";

// One pruning round: every workspace, batch after batch, until each has nothing older than its
// retention left to look at. Batches are separate autocommit statements, so no transaction is
// long and ingest and delivery interleave with them; `pauseMs` between batches leaves room.
export const DEFAULT_PRUNE_BATCH = 2_000;
// Between batches: a pruning round yields to the ingest and delivery statements it shares the disk with.
export const DEFAULT_PRUNE_PAUSE_MS = 20;

export interface PruneTotals {
  events: number;
  deliveries: number;
  attempts: number;
}

export interface PruneOptions {
  nowMs: number;
  batch?: number;
  pauseMs?: number;
  /** Only these workspaces (tests). */
  workspaceIds?: readonly string[];
  /** Stops between batches. */
  signal?: AbortSignal;
  /** After each workspace that lost rows. */
  onPruned?: (workspaceId: string, removed: PruneTotals) => void;
}

const DAY_MS = 86_400_000;
const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

export async function pruneExpired(db: Pick<pg.Pool, "query">, options: PruneOptions): Promise<PruneTotals> {
  const batch = options.batch ?? DEFAULT_PRUNE_BATCH;
  const { rows: workspaces } = await db.query<{ id: string; retentionDays: number }>(
    `SELECT id, "retentionDays" FROM "Workspace" WHERE $1::text[] IS NULL OR id = ANY($1::text[]) ORDER BY id`,
    [options.workspaceIds ?? null],
  );
  const totals: PruneTotals = { events: 0, deliveries: 0, attempts: 0 };
  for (const workspace of workspaces) {
    const cutoff = new Date(options.nowMs - workspace.retentionDays * DAY_MS);
    const removed: PruneTotals = { events: 0, deliveries: 0, attempts: 0 };
    let after = START_CURSOR;
    for (;;) {
      if (options.signal?.aborted) break;
      const result = await pruneBatch(db, { workspaceId: workspace.id, cutoff, after, batch });
      removed.events += result.events;
      removed.deliveries += result.deliveries;
      removed.attempts += result.attempts;
      if (result.candidates < batch || !result.next) break;
      after = result.next;
      const pauseMs = options.pauseMs ?? DEFAULT_PRUNE_PAUSE_MS;
      if (pauseMs > 0) await pause(pauseMs);
    }
    totals.events += removed.events;
    totals.deliveries += removed.deliveries;
    totals.attempts += removed.attempts;
    if (removed.events + removed.deliveries + removed.attempts > 0) options.onPruned?.(workspace.id, removed);
    if (options.signal?.aborted) break;
  }
  return totals;
}
