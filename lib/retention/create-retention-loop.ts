import "server-only";
import type pg from "pg";
import { getPool } from "@/lib/db/pool";
import { logger } from "@/lib/log/logger";
import { recordPrunedRows } from "@/lib/metrics/record-metrics";
import { pruneExpired } from "./prune-expired";

// The retention loop of a delivery worker (the portal's own, or `npm run worker`): a pruning round
// shortly after start and then every `everyMs`. Rounds in several processes at once share the
// work (prune-batch.ts skips rows another holds); a round never overlaps the previous one here.
export const DEFAULT_RETENTION_EVERY_MS = 10 * 60_000;
const FIRST_ROUND_AFTER_MS = 30_000;

export interface RetentionLoop {
  /** A round now (tests; the timer runs them otherwise). */
  runOnce(): Promise<void>;
  stop(): Promise<void>;
}

export function startRetentionLoop(
  options: { pool?: pg.Pool; everyMs?: number; clock?: () => number } = {},
): RetentionLoop {
  const db = options.pool ?? getPool("delivery");
  const clock = options.clock ?? Date.now;
  const stopping = new AbortController();
  let running: Promise<void> | null = null;

  async function round(): Promise<void> {
    const started = performance.now();
    try {
      const totals = await pruneExpired(db, {
        nowMs: clock(),
        signal: stopping.signal,
        onPruned: (workspaceId, removed) => {
          recordPrunedRows("events", removed.events);
          recordPrunedRows("deliveries", removed.deliveries);
          recordPrunedRows("attempts", removed.attempts);
          logger.info({ workspaceId, ...removed }, "retention: removed expired history");
        },
      });
      if (totals.events + totals.deliveries + totals.attempts > 0) {
        logger.info({ ...totals, durationMs: Math.round(performance.now() - started) }, "retention: round finished");
      }
    } catch (error) {
      // The database is away or busy: the next round tries again.
      logger.warn({ error }, "retention round failed");
    }
  }

  const runOnce = () => {
    running ??= round().finally(() => {
      running = null;
    });
    return running;
  };
  const first = setTimeout(() => void runOnce(), FIRST_ROUND_AFTER_MS * (0.5 + Math.random()));
  const timer = setInterval(() => void runOnce(), options.everyMs ?? DEFAULT_RETENTION_EVERY_MS);
  first.unref();
  timer.unref();
  return {
    runOnce,
    async stop() {
      stopping.abort();
      clearTimeout(first);
      clearInterval(timer);
      await running;
    },
  };
}
