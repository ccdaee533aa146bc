import { readWritePosition } from "@/lib/db/read-write-position";
import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { type LiveSignal, subscribeToJobChanges } from "./listen-job-changes";
import { createStreamBudget, type StreamBudget } from "./stream-budget";

// Server-sent events for one signed-in workspace: `ready` once changes are being listened for
// (the page then catches up from the API), `job` with each changed job as the Jobs page lists
// it, `resync` when changes could not be loaded (the page refetches). A comment every 15 s keeps
// proxies from closing an idle stream. A stream opened for a job page (`watchJobId`) also gets
// `activity` ({"id"}) when that job's timeline changed without the job moving (a delivery attempt,
// a late or duplicate event): the page refetches it. Other pages never see activity frames. Streams are budgeted per user and per process
// (stream-budget.ts); a client that stops reading is cut off rather than buffered for.
//
// With a read replica, every frame's SSE `id` is the primary's WAL position read after the change
// it tells of (after the connection began listening, for `ready`): the page's refetches that follow
// name it (lib/http/read-position.ts), so a replica that has not replayed the change yet does not
// answer them and the page cannot settle on the state before it. Frames wait for their position in
// order (one query for all the frames of a moment, lib/db/read-write-position.ts).
const HEARTBEAT_MS = 15_000;
// Frames queued for a client that does not read them; a slow or vanished client is disconnected
// (EventSource reconnects, and catches up) instead of growing this process's memory.
const MAX_QUEUED_FRAMES = 256;
// How long a refused page waits before it tries live updates again (it polls meanwhile).
export const LIVE_RETRY_AFTER_SECONDS = 60;
const encoder = new TextEncoder();

const globalForBudget = globalThis as unknown as { liveStreamBudget?: StreamBudget };

function budget(): StreamBudget {
  globalForBudget.liveStreamBudget ??= createStreamBudget({
    perUser: env.LIVE_STREAMS_PER_USER,
    max: env.LIVE_STREAMS_MAX,
  });
  return globalForBudget.liveStreamBudget;
}

function frame(signal: LiveSignal, position: string | null): Uint8Array {
  const data = signal.type === "job" ? signal.job : signal.type === "activity" ? { id: signal.jobId } : {};
  return encoder.encode(
    `${position ? `id: ${position}\n` : ""}event: ${signal.type}\ndata: ${JSON.stringify(data)}\n\n`,
  );
}

function refuse(reason: "user" | "process"): ApiError {
  const message =
    reason === "user"
      ? `Too many live update streams: at most ${env.LIVE_STREAMS_PER_USER} per user. Close other tabs of the portal.`
      : "Too many live update streams on this server right now.";
  return new ApiError("RATE_LIMITED", message, {
    status: 429,
    headers: { "retry-after": String(LIVE_RETRY_AFTER_SECONDS) },
  });
}

/** The stream, or a 429 ApiError when the user or the process has no stream to spare. */
export function createLiveStream(
  user: { userId: string; workspaceId: string },
  signal: AbortSignal,
  options: { watchJobId?: string } = {},
): ReadableStream<Uint8Array> {
  const reservation = budget().reserve(user.userId);
  if (!reservation.ok) throw refuse(reservation.reason);
  let cleanup = () => reservation.release();
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (chunk: Uint8Array) => {
        if (!open) return;
        if ((controller.desiredSize ?? 0) < -MAX_QUEUED_FRAMES) return cleanup();
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      let positioned = Promise.resolve();
      const unsubscribe = subscribeToJobChanges(user.workspaceId, (live) => {
        if (live.type === "activity" && live.jobId !== options.watchJobId) return;
        const position = readWritePosition(); // null at once without a replica
        positioned = positioned.then(() => position).then((text) => send(frame(live, text)));
      });
      const heartbeat = setInterval(() => send(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS);
      cleanup = () => {
        if (!open) return;
        open = false;
        reservation.release();
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      if (signal.aborted) return cleanup();
      signal.addEventListener("abort", cleanup);
      // EventSource reconnects after `retry` ms.
      send(encoder.encode("retry: 3000\n\n"));
    },
    cancel() {
      cleanup();
    },
  });
}

/** Streams open in this process (tests, metrics). */
export function openLiveStreams(): number {
  return budget().open;
}
