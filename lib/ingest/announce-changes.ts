import { namedSql } from "@/lib/db/named-sql";
import { getPool } from "@/lib/db/pool";
import { DELIVERY_WAKE_CHANNEL } from "@/lib/delivery/channel";
import { env } from "@/lib/env";
import { JOB_CHANGES_CHANNEL, type JobChange } from "@/lib/live/job-changes";
import { logger } from "@/lib/log/logger";
import type { Announcement } from "./apply-events";
import { announceLocally } from "./local-announcements";

// The NOTIFYs of ingest, sent after the commit and batched per process. A NOTIFY inside the
// ingest transaction would make every ingest commit in the database wait for PostgreSQL's notify
// lock (PreCommit_Notify holds it until the commit record is flushed): one fsync at a time. Here
// one statement at a time carries whatever committed meanwhile — the job changes as JSON arrays
// (several per notification, under PostgreSQL's 8,000-byte payload limit) and one wake-up per
// workspace that got deliveries — so a burst of commits costs one notifying transaction, not one
// each.
//
// What a listener may miss, and how it catches up from the rows: this process dying between a
// commit and its announcement, the announcement failing, a LISTEN connection lost. The live
// pages' listener re-reads the applied events of the last seconds every quarter second
// (lib/live/listen-job-changes.ts), the delivery workers look for due rows every second
// (lib/delivery/create-delivery-worker.ts), so nothing waits longer than that.
const MAX_PAYLOAD_BYTES = 7_500;

interface AnnounceParams extends Record<string, unknown> {
  jobChannel: string;
  changes: string[];
  wakeChannel: string;
  wakes: string[];
}

// The notifying transaction writes nothing but its commit record: it need not wait for the WAL
// flush (synchronous_commit off, for this transaction only). The data it announces is durable
// already; at worst a crash loses the notification, which the listeners' catch-up covers.
const ANNOUNCE = namedSql<AnnounceParams>(`
SELECT set_config('synchronous_commit', 'off', true),
       (SELECT count(pg_notify(:jobChannel, payload)) FROM unnest(:changes::text[]) AS payload) AS changes,
       (SELECT count(pg_notify(:wakeChannel, workspace)) FROM unnest(:wakes::text[]) AS workspace) AS wakes
`);

const pending: { changes: JobChange[]; wakes: Set<string> } = { changes: [], wakes: new Set() };
let flushing: Promise<void> | null = null;
const NOTIFY_OFF = env.INGEST_TEST_SWITCH_OFF.includes("notify");

/** The changes as JSON arrays, each under the payload limit. */
export function toPayloads(changes: readonly JobChange[]): string[] {
  const payloads: string[] = [];
  let batch: string[] = [];
  let size = 2;
  for (const change of changes) {
    const json = JSON.stringify(change);
    if (batch.length > 0 && size + json.length + 1 > MAX_PAYLOAD_BYTES) {
      payloads.push(`[${batch.join(",")}]`);
      batch = [];
      size = 2;
    }
    batch.push(json);
    size += json.length + 1;
  }
  if (batch.length > 0) payloads.push(`[${batch.join(",")}]`);
  return payloads;
}

// A new round waits until this long after the previous one began: under load, several groups'
// commits share one notifying transaction (a few ms on the live pages' lag, well within budget).
const MIN_ROUND_INTERVAL_MS = 10;

async function flush(): Promise<void> {
  let roundStartedAt = 0;
  while (pending.changes.length > 0 || pending.wakes.size > 0) {
    const wait = roundStartedAt + MIN_ROUND_INTERVAL_MS - Date.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    roundStartedAt = Date.now();
    const changes = toPayloads(pending.changes);
    const wakes = [...pending.wakes];
    pending.changes = [];
    pending.wakes = new Set();
    try {
      await getPool("ingest").query({
        name: "ingest-announce",
        text: ANNOUNCE.text,
        values: ANNOUNCE.values({
          jobChannel: JOB_CHANGES_CHANNEL,
          changes,
          wakeChannel: DELIVERY_WAKE_CHANNEL,
          wakes,
        }),
      });
    } catch (error) {
      // Not retried: the listeners catch up from the rows (above) within a second.
      logger.warn({ error }, "ingest could not announce committed changes; listeners catch up from the rows");
    }
  }
}

/**
 * Tells this process's own listeners at once (local-announcements.ts), and queues a committed
 * group's changes and wake-ups for every process: sent at once, or with the next batch if one is on its way.
 */
export function announceChanges(announcement: Announcement): void {
  if (announcement.changes.length === 0 && announcement.wakes.length === 0) return;
  announceLocally(announcement);
  if (NOTIFY_OFF) return;
  pending.changes.push(...announcement.changes);
  for (const workspaceId of announcement.wakes) pending.wakes.add(workspaceId);
  startFlushing();
}

function startFlushing(): void {
  if (flushing) return;
  flushing = flush().finally(() => {
    flushing = null;
    // Queued after the last round's check, before this callback: not left behind.
    if (pending.changes.length > 0 || pending.wakes.size > 0) startFlushing();
  });
}

/** For tests: resolves once everything queued so far has been sent. */
export async function announcementsSent(): Promise<void> {
  while (flushing) await flushing;
}
