import { getChangedJob } from "@/lib/jobs/get-changed-job";
import { logger } from "@/lib/http/logger";
import { subscribeToJobChanges, type LiveSignal } from "./listen-job-changes";

// Server-sent events for one signed-in workspace: `ready` once changes are being listened for
// (the page then catches up from the API), `job` with each changed job as the Jobs page lists
// it, `resync` when one could not be loaded. A comment every 15 s keeps proxies from closing an
// idle stream.
const HEARTBEAT_MS = 15_000;
const encoder = new TextEncoder();

function frame(event: string, data: unknown): Uint8Array {
  return encoder.encode(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
}

export function createLiveStream(workspaceId: string, signal: AbortSignal): ReadableStream<Uint8Array> {
  let cleanup = () => {};
  return new ReadableStream<Uint8Array>({
    start(controller) {
      let open = true;
      const send = (chunk: Uint8Array) => {
        if (!open) return;
        try {
          controller.enqueue(chunk);
        } catch {
          cleanup();
        }
      };
      const onSignal = async (live: LiveSignal) => {
        if (live.type === "ready") return send(frame("ready", {}));
        try {
          const job = await getChangedJob(workspaceId, live.change.jobId);
          if (job) send(frame("job", job));
        } catch (error) {
          logger.warn("live update could not load the changed job", { error });
          send(frame("resync", {}));
        }
      };
      const unsubscribe = subscribeToJobChanges(workspaceId, (live) => void onSignal(live));
      const heartbeat = setInterval(() => send(encoder.encode(": heartbeat\n\n")), HEARTBEAT_MS);
      cleanup = () => {
        if (!open) return;
        open = false;
        clearInterval(heartbeat);
        unsubscribe();
        signal.removeEventListener("abort", cleanup);
        try {
          controller.close();
        } catch {
          // already closed by the client
        }
      };
      signal.addEventListener("abort", cleanup);
      // EventSource reconnects after `retry` ms.
      send(encoder.encode("retry: 3000\n\n"));
    },
    cancel() {
      cleanup();
    },
  });
}
