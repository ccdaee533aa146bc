import pg from "pg";
import { isDatabaseUnavailable } from "@/lib/db/is-database-unavailable";
import { getPool } from "@/lib/db/pool";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { recordGroupCommit } from "@/lib/metrics/record-metrics";
import { applyEvent, type ApplyEventResult } from "./apply-event";
import type { EventInput } from "./build-event-input";

// Group commit. PostgreSQL serialises the commits of transactions that NOTIFY: PreCommit_Notify
// takes a database-wide lock and holds it until the commit record is flushed. With one event per
// transaction, ingest would do at most one fsync's worth of events at a time (~200/s on a disk
// with a 5 ms fsync), however many connections it had. So events that arrive while a transaction
// is running wait for the next one and share it: each is still written by apply-event's single
// statement, all of an event's writes (and its NOTIFY, and the outbox row) are still in one
// transaction, and no request is answered before the commit that made its event durable. An event
// arriving alone is not delayed: it runs at once, as one autocommit statement (one round trip).
//
// The wait is bounded and fair. At most INGEST_QUEUE_MAX events wait per process, and one
// workspace at most its share of that (INGEST_QUEUE_WORKSPACE_SHARE); beyond, the event is refused
// with 503 and Retry-After, which a sender retries — memory stays bounded and a flood is pushed
// back to its sender. Groups are formed round-robin over the workspaces with waiting events, so a
// workspace sending thousands cannot delay a quiet one's event by more than about the groups
// already in flight.
const MAX_EVENTS_PER_TRANSACTION = 32;
// Two transactions in flight: one runs its statements while the other waits for its commit flush.
const MAX_TRANSACTIONS_IN_FLIGHT = 2;
const QUEUE_FULL_RETRY_AFTER_SECONDS = 2;

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
  return new ApiError("UPSTREAM_UNAVAILABLE", message, { status: 503, headers: { "retry-after": String(QUEUE_FULL_RETRY_AFTER_SECONDS) } });
}

/** How many events one workspace may have waiting. */
export function workspaceQueueLimit(): number {
  return Math.max(1, Math.floor(env.INGEST_QUEUE_MAX * env.INGEST_QUEUE_WORKSPACE_SHARE));
}

/**
 * Applies the event in a transaction shared with the events that arrive alongside it; rejects
 * with a 503 ApiError at once when the queue (or the workspace's share of it) is full.
 */
export function applyEventGroupCommitted(input: EventInput): Promise<ApplyEventResult> {
  return new Promise((resolve, reject) => {
    const mine = queues.get(input.workspaceId);
    if ((mine?.length ?? 0) >= workspaceQueueLimit()) return reject(queueFull("workspace"));
    if (queued >= env.INGEST_QUEUE_MAX) return reject(queueFull("process"));
    if (mine) mine.push({ input, resolve, reject });
    else queues.set(input.workspaceId, [{ input, resolve, reject }]);
    queued += 1;
    if (inFlight < MAX_TRANSACTIONS_IN_FLIGHT) void drain();
  });
}

/** Events waiting (not yet in a transaction), in all and for one workspace; for tests and metrics. */
export function ingestQueueDepth(workspaceId?: string): number {
  return workspaceId === undefined ? queued : (queues.get(workspaceId)?.length ?? 0);
}

/** The next group: one event per workspace in turn, until the group is full or nothing waits. */
function takeGroup(): Waiting[] {
  const group: Waiting[] = [];
  while (group.length < MAX_EVENTS_PER_TRANSACTION && queued > 0) {
    const [workspaceId, waiting] = queues.entries().next().value as [string, Waiting[]];
    group.push(waiting.shift() as Waiting);
    queued -= 1;
    queues.delete(workspaceId);
    if (waiting.length > 0) queues.set(workspaceId, waiting);
  }
  return group;
}

async function drain(): Promise<void> {
  inFlight += 1;
  try {
    while (queued > 0) {
      const group = takeGroup();
      recordGroupCommit(group.length);
      await commitTogether(group);
    }
  } finally {
    inFlight -= 1;
  }
}

/** Each event on its own, in its own transaction: the first event of a quiet moment, and the fallback. */
async function commitEach(group: Waiting[]): Promise<void> {
  await Promise.all(group.map((waiting) => applyEvent(waiting.input).then(waiting.resolve, waiting.reject)));
}

async function commitTogether(group: Waiting[]): Promise<void> {
  if (group.length === 1) return commitEach(group);
  // Row locks are taken in one global order (workspace, job), so two shared transactions — in
  // this process or another — never wait for each other in a cycle.
  const ordered = [...group].sort((a, b) => compareKeys(a.input, b.input));
  const client = await getPool("ingest").connect().catch((error: unknown) => {
    for (const waiting of group) waiting.reject(error);
    return null;
  });
  if (!client) return;
  // A checked-out client has no error listener of the pool's; a connection dying between two
  // queries would otherwise be an uncaught exception. The failing query reports it anyway.
  const ignore = () => undefined;
  client.on("error", ignore);
  const release = (error?: Error) => {
    client.off("error", ignore);
    client.release(error);
  };
  const results: ApplyEventResult[] = [];
  try {
    await client.query("BEGIN");
    for (const waiting of ordered) results.push(await applyEvent(waiting.input, client));
    await client.query("COMMIT");
  } catch (error) {
    if (isConnectionLost(error)) {
      // The connection is gone, perhaps with the COMMIT on its way: the outcome is unknown. Every
      // event gets the error (a 503) and is sent again; its webhook-id makes that exactly once.
      release(error as Error);
      for (const waiting of group) waiting.reject(error);
      return;
    }
    // A statement failed (a deadlock, a bad value, a bug) and the shared transaction is rolled
    // back for all: each event is tried on its own, so that only a culprit fails.
    await client.query("ROLLBACK").catch(() => undefined);
    release();
    await commitEach(group);
    return;
  }
  release();
  ordered.forEach((waiting, index) => waiting.resolve(results[index]));
}

/** Whether the connection failed (rather than the server refusing a statement over a usable one). */
function isConnectionLost(error: unknown): boolean {
  if (error instanceof pg.DatabaseError) return /^(08|57P)/.test(error.code ?? "");
  return isDatabaseUnavailable(error);
}

function compareKeys(a: EventInput, b: EventInput): number {
  if (a.workspaceId !== b.workspaceId) return a.workspaceId < b.workspaceId ? -1 : 1;
  if (a.upstreamJobId !== b.upstreamJobId) return a.upstreamJobId < b.upstreamJobId ? -1 : 1;
  return 0;
}
