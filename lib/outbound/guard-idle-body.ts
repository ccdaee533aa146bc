import type { IncomingMessage } from "node:http";
import { Readable } from "node:stream";
import { OutboundError, toOutboundError } from "./outbound-error";

/**
 * The response body with an idle timeout that counts only while the reader wants data: a slow
 * reader (a browser downloading the zip over a slow link) holds the upstream back through
 * backpressure without that silence counting against the upstream.
 */
export function guardIdleBody(source: IncomingMessage, idleMs: number | undefined): Readable {
  let timer: NodeJS.Timeout | null = null;
  const stop = () => {
    if (timer) clearTimeout(timer);
    timer = null;
  };
  const body = new Readable({
    read() {
      if (idleMs && !timer) {
        timer = setTimeout(
          () => body.destroy(new OutboundError({ kind: "timeout", phase: "idle", afterMs: idleMs })),
          idleMs,
        );
      }
      source.resume();
    },
    destroy(error, callback) {
      stop();
      source.destroy();
      callback(error);
    },
  });
  source.on("data", (chunk: Buffer) => {
    stop();
    if (!body.push(chunk)) source.pause();
  });
  source.on("end", () => {
    stop();
    body.push(null);
  });
  source.on("error", (error) => body.destroy(toOutboundError(error)));
  // A connection closed before the body was complete: never a silently truncated file.
  source.on("close", () => {
    if (!source.complete) body.destroy(new OutboundError({ kind: "network", code: "ECONNRESET" }));
  });
  return body;
}
