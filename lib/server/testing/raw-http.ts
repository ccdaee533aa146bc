import { connect } from "node:net";

export interface RawExchange {
  /** Everything the server sent, as text. */
  received: string;
  /** How the connection ended: the server's FIN ("end"), or an error such as ECONNRESET. */
  ended: "end" | "timeout" | `error:${string}`;
}

/**
 * Writes raw bytes to a server and reads until it closes the connection (or `timeoutMs`): for
 * what only a socket shows — Connection: close, a graceful FIN rather than a reset, pipelining.
 */
export function rawExchange(
  port: number,
  chunks: Array<string | Buffer>,
  timeoutMs = 8_000,
  host = "127.0.0.1",
): Promise<RawExchange> {
  return new Promise((resolve) => {
    const socket = connect({ port, host });
    const received: Buffer[] = [];
    let settled = false;
    const finish = (ended: RawExchange["ended"]) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      socket.destroy();
      resolve({ received: Buffer.concat(received).toString("latin1"), ended });
    };
    const timer = setTimeout(() => finish("timeout"), timeoutMs);
    socket.on("data", (chunk) => received.push(chunk));
    socket.on("end", () => finish("end"));
    socket.on("error", (error: NodeJS.ErrnoException) => finish(`error:${error.code ?? error.message}`));
    socket.on("connect", async () => {
      for (const chunk of chunks) {
        if (socket.destroyed) return;
        if (!socket.write(chunk)) await new Promise((resolve) => socket.once("drain", resolve));
      }
    });
  });
}

/** The status codes of the HTTP responses in a raw byte stream, in order. */
export function statusCodes(received: string): number[] {
  return [...received.matchAll(/HTTP\/1\.1 (\d{3}) /g)].map((match) => Number(match[1]));
}
