import { createServer, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { Duplex } from "node:stream";
import { errorEnvelope } from "@/lib/contract/errors";
import { CLIENT_ADDRESS_HEADER } from "@/lib/http/get-client-address";
import { resolveClientAddress, type TrustedProxies } from "@/lib/http/resolve-client-address";
import { fixedSecurityHeaders, NEXT_AUTH_PAGE_CSP, NON_PAGE_CSP } from "@/lib/http/security-headers";
import { closeConnectionAfter, isClosing } from "./close-connection-after";
import { serveUpgradeAsHttp1 } from "./serve-upgrade-as-http1";

export const KEEP_ALIVE_TIMEOUT_MS = 65_000;

export type RequestHandler = (req: IncomingMessage, res: ServerResponse) => Promise<void> | void;
export type UpgradeHandler = (req: IncomingMessage, socket: Duplex, head: Buffer) => Promise<void> | void;

export interface PortalServerOptions {
  /** Next.js's request handler (or, in tests, any handler). */
  handle: RequestHandler;
  /** WebSocket upgrades (Next's dev server: hot reload). Without it no upgrade is ever accepted. */
  upgradeWebSocket?: UpgradeHandler;
  trustedProxies: TrustedProxies;
  /** The largest body any route accepts (the webhook route's); a larger Content-Length is refused here. */
  maxBodyBytes: number;
  /** A tighter ceiling for paths under a prefix (next-auth's forms). */
  pathBodyLimits?: Array<{ prefix: string; maxBytes: number }>;
  https: boolean;
}

// Paths answered by route handlers: JSON and files, never rendered as pages — except next-auth's
// few HTML pages. Pages proper get their CSP, with a nonce, from proxy.ts.
const NON_PAGE_PREFIXES = ["/api/", "/v1/", "/_next/static/"];

function nonPageCsp(url: string): string | null {
  if (url.startsWith("/api/auth/")) return NEXT_AUTH_PAGE_CSP;
  return NON_PAGE_PREFIXES.some((prefix) => url.startsWith(prefix)) ? NON_PAGE_CSP : null;
}

function bodyLimitFor(url: string, options: PortalServerOptions): number {
  const rule = options.pathBodyLimits?.find((limit) => url.startsWith(limit.prefix));
  return rule ? Math.min(rule.maxBytes, options.maxBodyBytes) : options.maxBodyBytes;
}

/** Whether the path's percent-encoding decodes to text (`%ED%A0%80` is a lone surrogate: it does not). */
function hasDecodablePath(url: string): boolean {
  try {
    decodeURIComponent(url.split("?")[0] ?? "");
    return true;
  } catch {
    return false;
  }
}

function refuseUndecodablePath(res: ServerResponse): void {
  const body = JSON.stringify(errorEnvelope("INVALID_REQUEST", "The request path is not valid percent-encoded UTF-8"));
  res.writeHead(400, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

function refuseTooLarge(req: IncomingMessage, res: ServerResponse, maxBytes: number): void {
  closeConnectionAfter(req, res);
  const body = JSON.stringify(errorEnvelope("PAYLOAD_TOO_LARGE", `Request body must be at most ${maxBytes} bytes`));
  res.writeHead(413, {
    "content-type": "application/json",
    "content-length": Buffer.byteLength(body),
    "cache-control": "no-store",
  });
  res.end(body);
}

/**
 * The HTTP server in front of Next.js's request handler. For every request: the client address
 * header is replaced by the one this server vouches for; the fixed security headers are set;
 * a declared body above the ceiling is refused before Next reads a byte; and every 413, whoever
 * answers it, closes the connection gracefully. `Upgrade: h2c` (Java's HttpClient, curl --http2)
 * is answered as plain HTTP/1.1.
 */
export function createPortalServer(options: PortalServerOptions): Server {
  const fixedHeaders = Object.entries(fixedSecurityHeaders({ https: options.https }));

  async function onRequest(req: IncomingMessage, res: ServerResponse): Promise<void> {
    if (isClosing(req.socket)) return; // pipelined behind a refused request: the connection is closing
    const address = resolveClientAddress(
      req.socket.remoteAddress,
      req.headers["x-forwarded-for"],
      options.trustedProxies,
    );
    req.headers[CLIENT_ADDRESS_HEADER] = address;
    for (let index = req.rawHeaders.length - 2; index >= 0; index -= 2) {
      if (req.rawHeaders[index].toLowerCase() === CLIENT_ADDRESS_HEADER) req.rawHeaders.splice(index, 2);
    }
    req.rawHeaders.push(CLIENT_ADDRESS_HEADER, address);

    for (const [name, value] of fixedHeaders) res.setHeader(name, value);
    const url = req.url ?? "/";
    const csp = nonPageCsp(url);
    if (csp) res.setHeader("content-security-policy", csp);
    // Next.js answers such a path with a plain-text 500 before any route runs: a client's mistake is a 400.
    if (!hasDecodablePath(url)) return refuseUndecodablePath(res);

    // Whoever answers 413 (this server, a route wrapper), the unread rest of the body must not be
    // taken for the next request on this connection: close it.
    const writeHead = res.writeHead;
    res.writeHead = function writeHeadClosingOn413(this: ServerResponse, ...args: Parameters<typeof writeHead>) {
      if (args[0] === 413) closeConnectionAfter(req, this);
      return writeHead.apply(this, args);
    } as typeof writeHead;

    const maxBytes = bodyLimitFor(url, options);
    const declared = Number(req.headers["content-length"]);
    if (Number.isFinite(declared) && declared > maxBytes) return refuseTooLarge(req, res, maxBytes);

    await options.handle(req, res);
  }

  const server = createServer((req, res) => {
    Promise.resolve(onRequest(req, res)).catch((error: unknown) => {
      console.error("portal server: request failed", error);
      if (!res.headersSent) res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify(errorEnvelope("INTERNAL_ERROR", "Internal server error")));
    });
  });

  // Idle keep-alive connections stay open longer than the proxies in front of the portal keep
  // theirs (60 s for AWS's load balancers and nginx's upstream default), so that the proxy — not
  // this server — closes them. With Node's 5 s default the server closed a connection the proxy
  // had just picked to send a request on: a 502 for that request. Headers must be allowed longer.
  server.keepAliveTimeout = KEEP_ALIVE_TIMEOUT_MS;
  server.headersTimeout = KEEP_ALIVE_TIMEOUT_MS + 1_000;

  // Every Upgrade request but a WebSocket one in development (next dev's hot reload) is answered
  // as the HTTP/1.1 request it also is. Node alone would not do it right: without an 'upgrade'
  // listener it answers the first request but stops parsing the connection after its headers (no
  // body, no next request). So the request is parsed again by a listener-less twin server.
  const twin = createServer((req, res) => server.emit("request", req, res));
  server.on("upgrade", (req: IncomingMessage, socket: Duplex, head: Buffer) => {
    const upgradeWebSocket = options.upgradeWebSocket;
    if (upgradeWebSocket && req.headers.upgrade?.toLowerCase() === "websocket")
      return void upgradeWebSocket(req, socket, head);
    serveUpgradeAsHttp1(twin, req, socket, head);
  });
  // Connections the twin serves are closed with the server's own (shutdown, tests).
  const closeAll = server.closeAllConnections.bind(server);
  const closeIdle = server.closeIdleConnections.bind(server);
  server.closeAllConnections = () => {
    closeAll();
    twin.closeAllConnections();
  };
  server.closeIdleConnections = () => {
    closeIdle();
    twin.closeIdleConnections();
  };
  return server;
}
