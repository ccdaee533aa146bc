import type { Readable } from "node:stream";
import { OutboundError, toOutboundError } from "./outbound-error";

// Reading an answer without trusting its size: chunk by chunk, cut off at the limit.

/** The whole body if it fits in `maxBytes`; beyond that the connection is dropped and nothing more is read. */
export async function readCapped(body: Readable, maxBytes: number): Promise<Buffer> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      size += (chunk as Buffer).length;
      if (size > maxBytes) throw new OutboundError({ kind: "too_large", limitBytes: maxBytes });
      chunks.push(chunk as Buffer);
    }
  } catch (error) {
    body.destroy();
    throw toOutboundError(error);
  }
  return Buffer.concat(chunks);
}

/** JSON, or null when the body is not JSON (an HTML error page, say). Too large is an error. */
export async function readCappedJson(body: Readable, maxBytes: number): Promise<unknown> {
  const bytes = await readCapped(body, maxBytes);
  try {
    return JSON.parse(bytes.toString("utf8")) as unknown;
  } catch {
    return null;
  }
}

/**
 * At most `maxBytes` of the body and then no more (the connection is dropped): enough to show
 * what a server said. A failure midway is returned with what had arrived, not thrown.
 */
export async function readPrefix(
  body: Readable,
  maxBytes: number,
): Promise<{ bytes: Buffer; error: OutboundError | null }> {
  const chunks: Buffer[] = [];
  let size = 0;
  try {
    for await (const chunk of body) {
      chunks.push(chunk as Buffer);
      size += (chunk as Buffer).length;
      if (size >= maxBytes) break; // leaving the loop destroys the stream
    }
    return { bytes: Buffer.concat(chunks), error: null };
  } catch (error) {
    return { bytes: Buffer.concat(chunks), error: toOutboundError(error) };
  }
}
