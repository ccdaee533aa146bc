import pg from "pg";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { recordGroupCommit } from "@/lib/metrics/record-metrics";
import { announceChanges } from "./announce-changes";
import { type ApplyEventResult, applyEvents } from "./apply-events";
import type { EventInput } from "./build-event-input";

// Group commit. Each commit waits for its WAL flush, and each statement costs this process a round
// trip through its event loop — busy, in the portal, with every request Next.js handles. So events
// that arrive while statements are running wait for the next one and share it: a group is ONE
// statement (apply-events.ts; its own transaction), all of an event's writes and its outbox rows
// are still in it, and no request is answered before the commit that made its event durable. The
// changes are announced after the commit (announce-changes.ts). An event arriving alone is not
// delayed: it runs at once, as a group of one. Two groups are in flight, since their commits do not
// serialise (no NOTIFY in them): one waits for its flush while the next runs.
//
// A group names each job and each webhook-id at most once (one UPDATE cannot move a row twice):
// an event behind one of its job's in the queue waits for the next group, which keeps each job's
// events in the order they came.
//
// The wait is bounded and fair. At most INGEST_QUEUE_MAX events wait per process, and one
// workspace at most its share of that (INGEST_QUEUE_WORKSPACE_SHARE); beyond, the event is refused
// with 503 and Retry-After, which a sender retries — memory stays bounded and a flood is pushed
// back to its sender. Groups are formed round-robin over the workspaces with waiting events, so a
// workspace sending thousands cannot delay a quiet one's event by more than about the groups
// already in flight.
export const MAX_EVENTS_PER_GROUP = 32;
// Two groups in flight: one runs while the other waits for its commit's flush. More would only
// make each group smaller: a statement's fixed cost (about 0.2 ms of this process's CPU and 0.4 ms
// of PostgreSQL's, commit included, against 25 and 60 µs per event) would be shared by fewer events.
// At most the ingest pool's connections less one, which is left for the announcements.
export const maxGroupsInFlight = () => Math.max(1, Math.min(2, env.DATABASE_INGEST_POOL_MAX - 1));
const QUEUE_FULL_RETRY_AFTER_SECONDS = 2;
// Test only (env.INGEST_TEST_SWITCH_OFF, npm run bench:ingest): one statement per event, no queue.
const GROUP_COMMIT_OFF = env.INGEST_TEST_SWITCH_OFF.includes("group-commit");

interface Waiting {
  input: EventInput;
  resolve: (result: ApplyEventResult) => void;
  reject: (error: unknown) => void;
}

// One FIFO per workspace; the Map's order is the round-robin order (a workspace served moves last).
const queues = new Map<string, Waiting[]>();
let queued = 0;
let inFlight = 0;

function queueFull(scope: "workspace" | "process"): ApiError {
  const message =
    scope === "workspace"
      ? "Too many of this workspace's events are waiting to be stored: retry shortly"
      : "Too many events are waiting to be stored: retry shortly";
  return new ApiError("UPSTREAM_UNAVAILABLE", message, {
    status: 503,
    headers: { "retry-after": String(QUEUE_FULL_RETRY_AFTER_SECONDS) },
  });
}

/** How many events one workspace may have waiting. */
export function workspaceQueueLimit(): number {
  return Math.max(1, Math.floor(env.INGEST_QUEUE_MAX * env.INGEST_QUEUE_WORKSPACE_SHARE));
}

async function applyAlone(input: EventInput): Promise<ApplyEventResult> {
  const { results, announcement } = await applyEvents([input]);
  announceChanges(announcement);
  return results[0];
}

/**
 * Applies the event in a statement shared with the events that arrive alongside it; rejects with a
 * 503 ApiError at once when the queue (or the workspace's share of it) is full.
 */
export function applyEventGroupCommitted(input: EventInput): Promise<ApplyEventResult> {
  if (GROUP_COMMIT_OFF) return applyAlone(input);
  return new Promise((resolve, reject) => {
    const mine = queues.get(input.workspaceId);
    if ((mine?.length ?? 0) >= workspaceQueueLimit()) return reject(queueFull("workspace"));
    if (queued >= env.INGEST_QUEUE_MAX) return reject(queueFull("process"));
    if (mine) mine.push({ input, resolve, reject });
    else queues.set(input.workspaceId, [{ input, resolve, reject }]);
    queued += 1;
    if (queued >= FILL_TARGET) filled?.();
    if (inFlight < maxGroupsInFlight()) void drain();
  });
}

/** Events waiting (not yet in a statement), in all and for one workspace; for tests and metrics. */
export function ingestQueueDepth(workspaceId?: string): number {
  return workspaceId === undefined ? queued : (queues.get(workspaceId)?.length ?? 0);
}

/**
 * The next group: one event per workspace in turn, until the group is full or nothing more can
 * join. A workspace whose next event names a job or webhook-id already in the group sits this
 * group out (its later events wait behind that one).
 */
function takeGroup(): Waiting[] {
  const group: Waiting[] = [];
  const keys = new Set<string>();
  const sittingOut = new Set<string>();
  while (group.length < MAX_EVENTS_PER_GROUP) {
    let took = false;
    for (const [workspaceId, waiting] of [...queues]) {
      if (group.length >= MAX_EVENTS_PER_GROUP) break;
      if (sittingOut.has(workspaceId)) continue;
      const { input } = waiting[0];
      const jobKey = `j\u0000${workspaceId}\u0000${input.upstreamJobId}`;
      const idKey = `w\u0000${workspaceId}\u0000${input.webhookId}`;
      if (keys.has(jobKey) || keys.has(idKey)) {
        sittingOut.add(workspaceId);
        continue;
      }
      keys.add(jobKey).add(idKey);
      group.push(waiting.shift() as Waiting);
      queued -= 1;
      took = true;
      queues.delete(workspaceId);
      if (waiting.length > 0) queues.set(workspaceId, waiting);
    }
    if (!took) break;
  }
  return group;
}

// While the other group is in flight (the database is busy anyway), a group about to form with
// fewer than FILL_TARGET events waits up to FILL_WAIT_MS for more: a bigger group for the same
// fixed cost. When nothing else is in flight, nothing waits.
const FILL_TARGET = 8;
const FILL_WAIT_MS = 2;
let filled: (() => void) | null = null;

function waitForMore(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(timer);
      filled = null;
      resolve();
    };
    const timer = setTimeout(done, FILL_WAIT_MS);
    filled = done;
  });
}

async function drain(): Promise<void> {
  inFlight += 1;
  try {
    while (queued > 0) {
      if (queued < FILL_TARGET && inFlight > 1 && !filled) await waitForMore();
      if (queued === 0) continue;
      const group = takeGroup();
      recordGroupCommit(group.length);
      await commitGroup(group);
    }
  } finally {
    inFlight -= 1;
  }
}

async function commitGroup(group: Waiting[]): Promise<void> {
  if (group.length === 0) return;
  try {
    const { results, announcement } = await applyEvents(group.map((waiting) => waiting.input));
    group.forEach((waiting, index) => waiting.resolve(results[index]));
    announceChanges(announcement);
  } catch (error) {
    if (group.length === 1 || isConnectionLost(error)) {
      // The connection is gone, perhaps with the commit on its way: the outcome is unknown. Every
      // event gets the error (a 503) and is sent again; its webhook-id makes that exactly once.
      for (const waiting of group) waiting.reject(error);
      return;
    }
    // The statement failed (a deadlock, a bad value, a bug) and nothing of it was written: each
    // event is tried on its own, so that only a culprit fails.
    await Promise.all(group.map((waiting) => applyAlone(waiting.input).then(waiting.resolve, waiting.reject)));
  }
}

/** Whether the connection failed (rather than the server refusing a statement over a usable one). */
function isConnectionLost(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return /^(08|57P)/.test(error.code ?? "");
  return isDatabaseUnavailable(error);
}
