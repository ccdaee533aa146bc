import type pg from "pg";
import { type Listener, listenWithReconnect } from "@/lib/db/listen-with-reconnect";
import { onLocalAnnouncement } from "@/lib/ingest/local-announcements";
import { getChangedJob } from "@/lib/jobs/get-changed-job";
import type { SerializedJob } from "@/lib/jobs/serialize-job";
import { logger } from "@/lib/log/logger";
import { type ChangedJobFetcher, createChangedJobFetcher, type FetcherStats } from "./fetch-changed-jobs";
import { findAppliedChangesSince, findJobsChangedSince } from "./find-jobs-changed-since";
import { JOB_ACTIVITY_CHANNEL, jobActivityPayloadSchema } from "./job-activity";
import { JOB_CHANGES_CHANNEL, type JobChange, jobChangesPayloadSchema } from "./job-changes";

// One LISTEN connection per process, shared by every live subscriber, and one query per change
// (fetch-changed-jobs.ts) whose result goes to the subscribers of the change's workspace only.
// A subscriber gets "ready" once changes are being listened for (its page then catches up from
// the API). When the connection was lost and is back, the jobs changed since it was last known
// alive are loaded and sent like any change; if there are too many, the workspace is told to
// resync instead.
//
// Notifications come after the commit (lib/ingest/announce-changes.ts), so one can be lost while
// the connection is fine: the process that committed died before announcing, or its announcement
// failed. So while anyone watches, the applied changes of the watched workspaces are also read
// from the rows every SWEEP_EVERY_MS, SWEEP_MARGIN_MS back from the previous read (a row is stored
// at most a commit before it becomes visible), and each change — a job reaching a status, which
// happens once — is loaded once, whether the notification or the sweep finds it first.
//
// Activity (job-activity.ts: a delivery attempt, an event that did not move the job) goes to the
// workspace's subscribers as it came, with no query and no sweep: the stream passes it on to a
// page showing that job, which refetches it (a lost one is only a refetch that waits for the next).
export type LiveSignal =
  | { type: "ready" }
  | { type: "job"; job: SerializedJob }
  | { type: "resync" }
  | { type: "activity"; jobId: string };
type Subscriber = (signal: LiveSignal) => void;

interface Subscription {
  send: Subscriber;
  ready: boolean;
}

const IDLE_CLOSE_MS = 30_000;
// Notifications of statements that began before the last proof of life may still have been in
// flight (a commit follows its statement); clocks of portal and database may differ a little.
const CATCH_UP_MARGIN_MS = 30_000;
const CATCH_UP_MAX_JOBS = 500;
const SWEEP_EVERY_MS = 250;
const SWEEP_MARGIN_MS = 2_000;
// Rows one sweep reads at most (about 2,000 applied changes a second in the watched workspaces):
// beyond, the notifications are the only messenger.
const SWEEP_MAX_CHANGES = 5_000;
// Changes already loaded (job and status), kept as long as a sweep may find them again.
const SEEN_KEEP_MS = SWEEP_MARGIN_MS + 10 * SWEEP_EVERY_MS;

interface ListenerState {
  listener: Listener | null;
  idleTimer: NodeJS.Timeout | null;
  subscribers: Map<string, Set<Subscription>>;
  fetcher: ChangedJobFetcher | null;
  sweepTimer: NodeJS.Timeout | null;
  /** The database's time of the last sweep; null until the first. */
  sweptAt: Date | null;
  sweeping: boolean;
  /** "jobId\0status" → when it was seen (insertion order: oldest first). */
  seen: Map<string, number>;
  /** Stops hearing this process's own commits (lib/ingest/local-announcements.ts). */
  stopLocal: (() => void) | null;
}

// On globalThis so that dev-mode module reloads do not open a second connection.
const globalForListener = globalThis as unknown as { jobChangesListener?: ListenerState };
const state: ListenerState = (globalForListener.jobChangesListener ??= {
  listener: null,
  idleTimer: null,
  subscribers: new Map(),
  fetcher: null,
  sweepTimer: null,
  sweptAt: null,
  sweeping: false,
  seen: new Map(),
  stopLocal: null,
});

function send(workspaceId: string, signal: LiveSignal): void {
  for (const subscription of state.subscribers.get(workspaceId) ?? []) {
    if (subscription.ready) subscription.send(signal);
  }
}

function fetcher(): ChangedJobFetcher {
  state.fetcher ??= createChangedJobFetcher({
    load: getChangedJob,
    deliver: send,
    isWatched: (workspaceId) => state.subscribers.has(workspaceId),
    onError: (error) => logger.warn({ error }, "live update could not load a changed job"),
  });
  return state.fetcher;
}

function onActivity(payload: string): void {
  let json: unknown;
  try {
    json = JSON.parse(payload);
  } catch {
    return;
  }
  const parsed = jobActivityPayloadSchema.safeParse(json);
  if (parsed.success) for (const { workspaceId, jobId } of parsed.data) send(workspaceId, { type: "activity", jobId });
}

/** Whether a watched workspace's change is news: not yet found by a notification or a sweep. */
function isNews(change: { workspaceId: string; jobId: string; status: string }, now: number): boolean {
  if (!state.subscribers.has(change.workspaceId)) return false;
  const key = `${change.jobId}\u0000${change.status}`;
  if (state.seen.has(key)) return false;
  state.seen.set(key, now);
  return true;
}

function forgetOldChanges(now: number): void {
  for (const [key, at] of state.seen) {
    if (now - at < SEEN_KEEP_MS) break;
    state.seen.delete(key);
  }
}

function onChanges(changes: readonly JobChange[]): void {
  const now = Date.now();
  for (const change of changes) if (isNews(change, now)) fetcher().push(change.workspaceId, change.jobId);
}

function onNotification(message: pg.Notification): void {
  if (message.channel === JOB_ACTIVITY_CHANNEL && message.payload) return onActivity(message.payload);
  if (message.channel !== JOB_CHANGES_CHANNEL || !message.payload) return;
  let json: unknown;
  try {
    json = JSON.parse(message.payload);
  } catch {
    return;
  }
  const parsed = jobChangesPayloadSchema.safeParse(json);
  if (parsed.success) onChanges(parsed.data);
}

async function sweep(): Promise<void> {
  const workspaceIds = [...state.subscribers.keys()];
  if (state.sweeping || workspaceIds.length === 0) return;
  state.sweeping = true;
  forgetOldChanges(Date.now());
  try {
    const since = state.sweptAt && new Date(state.sweptAt.getTime() - SWEEP_MARGIN_MS);
    const { readAt, changes } = await findAppliedChangesSince(workspaceIds, since, SWEEP_MAX_CHANGES);
    const now = Date.now();
    const news = new Map<string, Set<string>>();
    for (const change of changes) {
      if (!isNews(change, now)) continue;
      const jobs = news.get(change.workspaceId) ?? new Set<string>();
      news.set(change.workspaceId, jobs.add(change.jobId));
    }
    for (const [workspaceId, jobIds] of news) {
      // As after a reconnection: that many loads are not worth it, the page refetches what it shows.
      if (jobIds.size > CATCH_UP_MAX_JOBS) send(workspaceId, { type: "resync" });
      else for (const jobId of jobIds) fetcher().push(workspaceId, jobId);
    }
    state.sweptAt = readAt;
  } catch (error) {
    logger.warn({ error }, "live updates could not read the changes of the last seconds");
  } finally {
    state.sweeping = false;
  }
}

async function catchUp(lastAliveAt: number): Promise<void> {
  const workspaceIds = [...state.subscribers.keys()];
  try {
    const changed = await findJobsChangedSince(
      workspaceIds,
      new Date(lastAliveAt - CATCH_UP_MARGIN_MS),
      CATCH_UP_MAX_JOBS,
    );
    if (changed.length > CATCH_UP_MAX_JOBS)
      throw new Error(`more than ${CATCH_UP_MAX_JOBS} jobs changed while the connection was down`);
    for (const { workspaceId, jobId } of changed) fetcher().push(workspaceId, jobId);
  } catch (error) {
    logger.warn({ error }, "live updates could not catch up; pages are told to resync");
    for (const workspaceId of workspaceIds) send(workspaceId, { type: "resync" });
  }
}

function onConnected({ lastAliveAt }: { lastAliveAt: number | null }): void {
  for (const set of state.subscribers.values()) {
    for (const subscription of set) {
      if (subscription.ready) continue;
      subscription.ready = true;
      subscription.send({ type: "ready" });
    }
  }
  if (lastAliveAt !== null) void catchUp(lastAliveAt);
}

function listen(): void {
  if (state.idleTimer) clearTimeout(state.idleTimer);
  state.idleTimer = null;
  state.listener ??= listenWithReconnect({
    name: "job_changes listener",
    channels: [JOB_CHANGES_CHANNEL, JOB_ACTIVITY_CHANNEL],
    onNotification,
    onConnected,
  });
  // A change committed by this process is heard at once, without its NOTIFY's round trip.
  state.stopLocal ??= onLocalAnnouncement(({ changes }) => onChanges(changes));
  if (!state.sweepTimer) {
    state.sweepTimer = setInterval(() => void sweep(), SWEEP_EVERY_MS);
    state.sweepTimer.unref();
    void sweep();
  }
}

function closeWhenIdle(): void {
  if (state.idleTimer) clearTimeout(state.idleTimer);
  // Kept open a while: going from the Jobs page to a job page re-subscribes at once.
  state.idleTimer = setTimeout(() => {
    state.idleTimer = null;
    if (state.subscribers.size > 0 || !state.listener) return;
    void state.listener.close();
    state.listener = null;
    state.stopLocal?.();
    state.stopLocal = null;
    state.fetcher?.clear();
    if (state.sweepTimer) clearInterval(state.sweepTimer);
    state.sweepTimer = null;
    state.sweptAt = null;
    state.seen.clear();
  }, IDLE_CLOSE_MS);
  state.idleTimer.unref();
}

/** Calls `subscriber` with each job change of one workspace until the returned function is called. */
export function subscribeToJobChanges(workspaceId: string, subscriber: Subscriber): () => void {
  let set = state.subscribers.get(workspaceId);
  if (!set) state.subscribers.set(workspaceId, (set = new Set()));
  const subscription: Subscription = { send: subscriber, ready: false };
  set.add(subscription);
  if (state.listener?.connected) {
    subscription.ready = true;
    queueMicrotask(() => set.has(subscription) && subscriber({ type: "ready" }));
  } else {
    listen();
  }
  return () => {
    set.delete(subscription);
    if (set.size === 0 && state.subscribers.get(workspaceId) === set) state.subscribers.delete(workspaceId);
    if (state.subscribers.size === 0) closeWhenIdle();
  };
}

/** For tests and metrics: loads made for live updates, and subscribers now. */
export function liveStats(): FetcherStats & { subscribers: number } {
  let subscribers = 0;
  for (const set of state.subscribers.values()) subscribers += set.size;
  const stats = state.fetcher?.stats ?? { loads: 0, coalesced: 0, overflowed: 0 };
  return { ...stats, subscribers };
}
