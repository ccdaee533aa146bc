import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import { getStepDurations } from "./get-step-durations";
import { buildExpectationTable, type ExpectationTable, HISTORY_DAYS } from "./step-expectations";

// The expectations change slowly (a 30-day p95), and computing them reads a month of events: each
// process keeps a workspace's table for a few minutes rather than a timer per job or per workspace.
const TTL_MS = 5 * 60_000;
const DAY_MS = 86_400_000;

const MAX_CACHED_WORKSPACES = 1_000;

const cache = new Map<string, { at: number; table: Promise<ExpectationTable> }>();

/**
 * The workspace's usual step durations as of `now` (cached per process for five minutes; computed
 * on `db`, the primary or a replica: a month's figures a moment old are the same figures).
 */
export function getStepExpectations(
  workspaceId: string,
  now: Date = new Date(),
  db: Db = prisma,
): Promise<ExpectationTable> {
  const cached = cache.get(workspaceId);
  if (cached && Math.abs(now.getTime() - cached.at) < TTL_MS) return cached.table;
  const from = new Date(now.getTime() - HISTORY_DAYS * DAY_MS);
  const table = getStepDurations(workspaceId, from, now, undefined, db).then(buildExpectationTable);
  const entry = { at: now.getTime(), table };
  cache.delete(workspaceId);
  cache.set(workspaceId, entry);
  // The oldest entry goes first (a Map keeps insertion order).
  if (cache.size > MAX_CACHED_WORKSPACES) cache.delete(cache.keys().next().value!);
  // A failed computation is not kept: the next caller tries again.
  table.catch(() => {
    if (cache.get(workspaceId) === entry) cache.delete(workspaceId);
  });
  return table;
}

/** Tests: forget what was computed, as five minutes passing would. */
export function forgetStepExpectations(): void {
  cache.clear();
}
