import type pg from "pg";
import { getPool } from "@/lib/db/pool";
import type { JobChange } from "@/lib/live/job-changes";
import { type ApplyEventsRow, applyEventsQuery } from "./apply-events-statement";
import type { EventInput } from "./build-event-input";
import type { EventDisposition } from "./merge-job-event";

// Applies events with the ingest statement (apply-events-statement.ts) and reads what happened to
// each: one statement for events of distinct jobs and webhook-ids, the rest in later waves, and a
// first event that lost its job's insert to a concurrent one run again. What changed is returned
// for the caller to announce after the commit (announce-changes.ts).

/** What happened to the event: a stored disposition, or `already_received` for a webhook-id seen before. */
export type IngestDisposition = EventDisposition | "already_received";

export interface ApplyEventResult {
  disposition: IngestDisposition;
  /** Whether a JobEvent row was written (false for a redelivery, and for a future event type about a job never seen). */
  stored: boolean;
  jobId: string | null;
}

/** What the caller announces once the statement's transaction has committed (announce-changes.ts). */
export interface Announcement {
  /** Applied changes, for the live pages. */
  changes: JobChange[];
  /** Workspaces whose events enqueued deliveries, to wake the delivery workers. */
  wakes: string[];
}

export interface ApplyEventsOutcome {
  /** In the order of the inputs. */
  results: ApplyEventResult[];
  announcement: Announcement;
}

// A first event losing the job insert to a concurrent one needs one more run; three is plenty.
const MAX_ATTEMPTS = 3;

/** A pool (autocommit: the statement is its own transaction) or a client inside BEGIN … COMMIT. */
export type Queryable = Pick<pg.Pool | pg.PoolClient, "query">;

/** Splits events into waves in which no job and no webhook-id occurs twice, keeping each job's order. */
export function splitIntoWaves(inputs: readonly EventInput[]): number[][] {
  const waves: number[][] = [];
  const waveOfKey = new Map<string, number>();
  inputs.forEach((input, index) => {
    const keys = [
      `j\u0000${input.workspaceId}\u0000${input.upstreamJobId}`,
      `w\u0000${input.workspaceId}\u0000${input.webhookId}`,
    ];
    const wave = Math.max(...keys.map((key) => (waveOfKey.get(key) ?? -1) + 1));
    for (const key of keys) waveOfKey.set(key, wave);
    (waves[wave] ??= []).push(index);
  });
  return waves;
}

/** One statement for events of distinct jobs and webhook-ids; null results wait for another run. */
async function runWave(
  inputs: readonly EventInput[],
  db: Queryable,
  into: Array<ApplyEventResult | null>,
  indexes: number[],
  announcement: Announcement,
): Promise<number[]> {
  const { rows } = await db.query<ApplyEventsRow>(applyEventsQuery(inputs));
  const again: number[] = [];
  for (const row of rows) {
    const input = inputs[row.ordinal - 1];
    const index = indexes[row.ordinal - 1];
    if (row.redelivery) into[index] = { disposition: "already_received", stored: false, jobId: null };
    else if (row.disposition) {
      into[index] = { disposition: row.disposition, stored: true, jobId: row.job_id };
      if (row.disposition === "applied" && row.job_id) {
        announcement.changes.push({
          workspaceId: input.workspaceId,
          jobId: row.job_id,
          upstreamJobId: input.upstreamJobId,
          status: input.statusText,
        });
      }
      if (row.enqueued > 0 && !announcement.wakes.includes(input.workspaceId))
        announcement.wakes.push(input.workspaceId);
    }
    // The job exists but the event insert conflicted: a copy of this webhook-id committed first.
    else if (row.job_id) into[index] = { disposition: "already_received", stored: false, jobId: row.job_id };
    // A future event type about a job never seen: nothing to attach it to, nothing to invent.
    else if (input.status === null) into[index] = { disposition: "ignored", stored: false, jobId: null };
    // Neither found nor created: a concurrent first event for the job won the insert.
    else again.push(row.ordinal - 1);
  }
  return again;
}

/**
 * Stores verified, contract-checked events and applies each to its job, exactly once: one
 * statement for events of distinct jobs and webhook-ids, one per wave otherwise. With `db` a pool
 * each statement commits on its own; with a client inside BEGIN … COMMIT, with that transaction.
 * The caller announces `announcement` once the events are committed.
 */
export async function applyEvents(
  inputs: readonly EventInput[],
  db: Queryable = getPool("ingest"),
): Promise<ApplyEventsOutcome> {
  const results: Array<ApplyEventResult | null> = inputs.map(() => null);
  const announcement: Announcement = { changes: [], wakes: [] };
  for (const wave of splitIntoWaves(inputs)) {
    let pending = wave;
    for (let attempt = 1; pending.length > 0; attempt += 1) {
      if (attempt > MAX_ATTEMPTS)
        throw new Error(`job ${inputs[pending[0]].upstreamJobId} was neither found nor created`);
      const again = await runWave(
        pending.map((index) => inputs[index]),
        db,
        results,
        pending,
        announcement,
      );
      pending = again.map((position) => pending[position]);
    }
  }
  return { results: results as ApplyEventResult[], announcement };
}
