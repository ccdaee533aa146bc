import type { IncomingMessage, Server } from "node:http";
import type { Duplex } from "node:stream";

const UPGRADE_HEADERS = new Set(["upgrade", "http2-settings"]);

/**
 * Serves an Upgrade request the server declined (h2c) as the HTTP/1.1 request it also is: its head
 * is written back in front of the unread bytes and the socket handed to `server`, which has no
 * 'upgrade' listener and therefore parses and answers it — and any later request — normally.
 */
export function serveUpgradeAsHttp1(server: Server, req: IncomingMessage, socket: Duplex, head: Buffer): void {
  const lines = [`${req.method} ${req.url} HTTP/${req.httpVersion}`];
  for (let index = 0; index < req.rawHeaders.length; index += 2) {
    const name = req.rawHeaders[index];
    const value = req.rawHeaders[index + 1];
    const lower = name.toLowerCase();
    if (UPGRADE_HEADERS.has(lower)) continue;
    if (lower === "connection") {
      const tokens = value
        .split(",")
        .map((token) => token.trim())
        .filter((token) => token && !UPGRADE_HEADERS.has(token.toLowerCase()));
      if (tokens.length > 0) lines.push(`${name}: ${tokens.join(", ")}`);
      continue;
    }
    lines.push(`${name}: ${value}`);
  }
  if (head.length > 0) socket.unshift(head);
  socket.unshift(Buffer.from(`${lines.join("\r\n")}\r\n\r\n`, "latin1"));
  server.emit("connection", socket);
}
