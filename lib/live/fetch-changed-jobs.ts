import type { SerializedJob } from "@/lib/jobs/serialize-job";

// One query per change per process, however many streams watch it: a changed job is loaded once
// and handed to every subscriber of its workspace. Changes to a job that is already waiting are
// folded into one load (it reads the newest row anyway). At most `concurrency` loads run at once —
// the live updates' budget inside the app pool, so a burst of changes cannot take the connections
// pages and sessions need — and at most `maxPending` jobs wait; beyond that the workspaces whose
// changes could not wait are told to resync (their pages refetch what they show) once.
export const LIVE_FETCH_CONCURRENCY = 2;
export const LIVE_MAX_PENDING = 1_000;

export type LiveDelivery = { type: "job"; job: SerializedJob } | { type: "resync" };

export interface FetcherStats {
  /** Loads started. */
  loads: number;
  /** Changes folded into a load already waiting. */
  coalesced: number;
  /** Changes dropped for a resync because too many were waiting. */
  overflowed: number;
}

export interface ChangedJobFetcher {
  push(workspaceId: string, jobRowId: string): void;
  /** Waiting and running loads; for tests. */
  readonly busy: number;
  readonly stats: FetcherStats;
  clear(): void;
}

export interface FetcherOptions {
  load: (workspaceId: string, jobRowId: string) => Promise<SerializedJob | null>;
  deliver: (workspaceId: string, delivery: LiveDelivery) => void;
  /** Whether anyone still listens to the workspace: changes nobody watches cost no query. */
  isWatched: (workspaceId: string) => boolean;
  onError?: (error: unknown) => void;
  concurrency?: number;
  maxPending?: number;
}

interface Pending {
  workspaceId: string;
  jobRowId: string;
}

export function createChangedJobFetcher(options: FetcherOptions): ChangedJobFetcher {
  const concurrency = options.concurrency ?? LIVE_FETCH_CONCURRENCY;
  const maxPending = options.maxPending ?? LIVE_MAX_PENDING;
  // Insertion-ordered: first changed, first loaded.
  const pending = new Map<string, Pending>();
  const running = new Set<string>();
  // Workspaces already told to resync during this overflow; cleared once the queue has drained.
  const resynced = new Set<string>();
  const stats: FetcherStats = { loads: 0, coalesced: 0, overflowed: 0 };

  function next(): [string, Pending] | null {
    // A job being loaded and changed again waits for that load: a second one could finish first.
    for (const entry of pending) if (!running.has(entry[0])) return entry;
    return null;
  }

  function pump(): void {
    while (running.size < concurrency) {
      const entry = next();
      if (!entry) break;
      const [key, { workspaceId, jobRowId }] = entry;
      pending.delete(key);
      if (!options.isWatched(workspaceId)) continue;
      running.add(key);
      stats.loads += 1;
      options
        .load(workspaceId, jobRowId)
        .then(
          (job) => job && options.deliver(workspaceId, { type: "job", job }),
          (error: unknown) => {
            options.onError?.(error);
            options.deliver(workspaceId, { type: "resync" });
          },
        )
        .finally(() => {
          running.delete(key);
          if (pending.size === 0) resynced.clear();
          pump();
        });
    }
  }

  return {
    push(workspaceId, jobRowId) {
      const key = `${workspaceId}\u0000${jobRowId}`;
      if (pending.has(key)) {
        stats.coalesced += 1;
        return;
      }
      if (pending.size >= maxPending) {
        stats.overflowed += 1;
        if (!resynced.has(workspaceId)) {
          resynced.add(workspaceId);
          options.deliver(workspaceId, { type: "resync" });
        }
        return;
      }
      pending.set(key, { workspaceId, jobRowId });
      pump();
    },
    get busy() {
      return pending.size + running.size;
    },
    stats,
    clear() {
      pending.clear();
      resynced.clear();
    },
  };
}
