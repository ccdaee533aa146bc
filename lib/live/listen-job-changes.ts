import pg from "pg";
import { requireDatabaseUrl } from "@/lib/env";
import { logger } from "@/lib/http/logger";
import { JOB_CHANGES_CHANNEL, jobChangeSchema, type JobChange } from "./job-changes";

// One dedicated LISTEN connection per process, shared by every live subscriber (a pool client
// cannot LISTEN: it would be handed to someone else). Reconnects with backoff. A subscriber gets
// "ready" once the LISTEN is in place — and again after every reconnect, since notifications
// sent while it was down are lost — so it knows when to catch up from the database.
export type LiveSignal = { type: "change"; change: JobChange } | { type: "ready" };
type Subscriber = (signal: LiveSignal) => void;

const IDLE_CLOSE_MS = 30_000;
const MAX_BACKOFF_MS = 30_000;

interface ListenerState {
  client: pg.Client | null;
  connecting: boolean;
  attempts: number;
  retryTimer: NodeJS.Timeout | null;
  idleTimer: NodeJS.Timeout | null;
  subscribers: Map<string, Set<Subscriber>>;
}

// On globalThis so that dev-mode module reloads do not open a second connection.
const globalForListener = globalThis as unknown as { jobChangesListener?: ListenerState };
const state: ListenerState = (globalForListener.jobChangesListener ??= {
  client: null,
  connecting: false,
  attempts: 0,
  retryTimer: null,
  idleTimer: null,
  subscribers: new Map(),
});

function subscriberCount(): number {
  let count = 0;
  for (const set of state.subscribers.values()) count += set.size;
  return count;
}

function broadcast(workspaceId: string | null, signal: LiveSignal): void {
  const targets = workspaceId ? [state.subscribers.get(workspaceId) ?? new Set<Subscriber>()] : [...state.subscribers.values()];
  for (const set of targets) for (const subscriber of set) subscriber(signal);
}

function onNotification(message: pg.Notification): void {
  if (message.channel !== JOB_CHANGES_CHANNEL || !message.payload) return;
  let json: unknown;
  try {
    json = JSON.parse(message.payload);
  } catch {
    return;
  }
  const parsed = jobChangeSchema.safeParse(json);
  if (parsed.success) broadcast(parsed.data.workspaceId, { type: "change", change: parsed.data });
}

function scheduleReconnect(): void {
  if (state.retryTimer || subscriberCount() === 0) return;
  const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** state.attempts) * (0.75 + Math.random() * 0.5);
  state.attempts += 1;
  state.retryTimer = setTimeout(() => {
    state.retryTimer = null;
    void connect();
  }, delay);
  state.retryTimer.unref();
}

function drop(client: pg.Client): void {
  if (state.client !== client) return;
  state.client = null;
  client.removeAllListeners("notification");
  void client.end().catch(() => undefined);
  scheduleReconnect();
}

async function connect(): Promise<void> {
  if (state.client || state.connecting || subscriberCount() === 0) return;
  state.connecting = true;
  const client = new pg.Client({ connectionString: requireDatabaseUrl(), connectionTimeoutMillis: 5_000, keepAlive: true });
  client.on("error", (error) => {
    logger.warn("job_changes listener lost its connection", { error });
    drop(client);
  });
  client.on("end", () => drop(client));
  try {
    await client.connect();
    client.on("notification", onNotification);
    await client.query(`LISTEN ${JOB_CHANGES_CHANNEL}`);
    state.client = client;
    state.attempts = 0;
    broadcast(null, { type: "ready" });
  } catch (error) {
    logger.warn("job_changes listener could not connect", { error });
    void client.end().catch(() => undefined);
    scheduleReconnect();
  } finally {
    state.connecting = false;
  }
}

function closeWhenIdle(): void {
  if (state.idleTimer) clearTimeout(state.idleTimer);
  // Kept open a while: going from the Jobs page to a job page re-subscribes at once.
  state.idleTimer = setTimeout(() => {
    state.idleTimer = null;
    if (subscriberCount() > 0 || !state.client) return;
    const client = state.client;
    state.client = null;
    client.removeAllListeners();
    client.on("error", () => undefined);
    void client.end().catch(() => undefined);
  }, IDLE_CLOSE_MS);
  state.idleTimer.unref();
}

/** Calls `subscriber` with each job change of one workspace until the returned function is called. */
export function subscribeToJobChanges(workspaceId: string, subscriber: Subscriber): () => void {
  let set = state.subscribers.get(workspaceId);
  if (!set) state.subscribers.set(workspaceId, (set = new Set()));
  set.add(subscriber);
  if (state.client) queueMicrotask(() => set.has(subscriber) && subscriber({ type: "ready" }));
  else void connect();
  return () => {
    set.delete(subscriber);
    if (set.size === 0) state.subscribers.delete(workspaceId);
    if (subscriberCount() === 0) closeWhenIdle();
  };
}
