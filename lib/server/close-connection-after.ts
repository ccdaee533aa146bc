import type { IncomingMessage, ServerResponse } from "node:http";
import type { Socket } from "node:net";

// How long a connection we are closing keeps reading (and discarding) what the client still sends.
export const LINGER_MS = 5_000;

const closing = new WeakSet<Socket>();

/** True once the connection is being closed: requests pipelined behind the refused one are not served. */
export function isClosing(socket: Socket): boolean {
  return closing.has(socket);
}

/**
 * Answers this response with `Connection: close` and closes the connection gracefully. Node would
 * destroy the socket right after the response; a client still sending the body it was refused
 * would then get a reset (RST) — often before it has read the answer — so instead the connection
 * is half-closed (FIN after the response) and the rest of the body is read and dropped until the
 * client closes its side or LINGER_MS pass ("lingering close", as Apache and nginx do).
 */
export function closeConnectionAfter(req: IncomingMessage, res: ServerResponse): void {
  // The response's socket: a request whose body stream was cancelled (a route that stopped
  // reading at its cap) has been destroyed and let go of its socket, the response has not.
  const socket = res.socket;
  res.shouldKeepAlive = false;
  if (res.headersSent || !socket) return; // too late to say so; Node still ends the connection
  res.setHeader("connection", "close");
  if (closing.has(socket)) return;
  closing.add(socket);
  socket.destroySoon = function lingeringClose(this: Socket) {
    if (this.writable) this.end();
    const timer = setTimeout(() => this.destroy(), LINGER_MS);
    timer.unref();
    this.once("close", () => clearTimeout(timer));
    // Whatever was left unread of the refused body is nobody's any more: read on and drop it,
    // whoever was reading (a route's body stream listens for 'readable', which stops resume()).
    req.removeAllListeners("readable");
    req.removeAllListeners("data");
    req.resume();
    this.resume();
  };
}
