import { Agent, get as httpGet, type IncomingMessage, type Server, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { parseTrustedProxies } from "@/lib/http/resolve-client-address";
import { createPortalServer, type PortalServerOptions } from "./create-portal-server";
import { rawExchange, statusCodes } from "./testing/raw-http";

// The portal server with a stand-in for Next.js's handler that echoes what it was given; real
// sockets, so what only a connection shows (closing, resets, pipelining, upgrades) is seen.
const CEILING = 1024;
let server: Server | undefined;
let calls: string[] = [];

async function echo(req: IncomingMessage, res: ServerResponse): Promise<void> {
  calls.push(`${req.method} ${req.url}`);
  if (req.url === "/refuse") {
    // Like a route wrapper: refuses on what it has read so far, without reading the rest.
    res.writeHead(413, { "content-type": "application/json" });
    res.end('{"error":{"code":"PAYLOAD_TOO_LARGE","message":"too large"}}');
    return;
  }
  if (req.url === "/cancel") {
    // Like Next.js and a capped reader: the body as a web stream, cancelled at the first chunk.
    const reader = new Request("http://portal/", {
      method: "POST",
      body: req as never,
      duplex: "half",
    } as RequestInit).body!.getReader();
    await reader.read();
    await reader.cancel();
    res.writeHead(413, { "content-type": "application/json" });
    res.end('{"error":{"code":"PAYLOAD_TOO_LARGE","message":"too large"}}');
    return;
  }
  let bytes = 0;
  for await (const chunk of req) bytes += (chunk as Buffer).length;
  res.setHeader("content-type", "application/json");
  res.end(JSON.stringify({ clientAddress: req.headers["x-portal-client-ip"], bytes }));
}

async function start(options: Partial<PortalServerOptions> = {}): Promise<number> {
  calls = [];
  server = createPortalServer({
    handle: echo,
    trustedProxies: parseTrustedProxies(""),
    maxBodyBytes: CEILING,
    https: false,
    ...options,
  });
  await new Promise<void>((resolve) => server!.listen(0, "127.0.0.1", resolve));
  return (server.address() as AddressInfo).port;
}

afterEach(async () => {
  server?.closeAllConnections();
  await new Promise((resolve) => server?.close(resolve));
  server = undefined;
});

const get = (port: number, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${port}${path}`, { headers }).then(async (response) => ({
    response,
    body: await response.json(),
  }));

describe("the client address", () => {
  it("is the socket's peer: X-Forwarded-For and a forged internal header are ignored", async () => {
    const port = await start();
    const { body } = await get(port, "/api/x", {
      "x-forwarded-for": "198.51.100.1",
      "X-Portal-Client-IP": "198.51.100.2",
    });
    expect(body.clientAddress).toBe("127.0.0.1");
  });

  it("comes from X-Forwarded-For only when the peer is a trusted proxy", async () => {
    const port = await start({ trustedProxies: parseTrustedProxies("127.0.0.1") });
    const { body } = await get(port, "/api/x", {
      "x-forwarded-for": "203.0.113.9, 198.51.100.1",
      "x-portal-client-ip": "1.2.3.4",
    });
    expect(body.clientAddress).toBe("198.51.100.1");
  });
});

describe("paths", () => {
  it("percent-encoding that is not UTF-8 is a 400 in the envelope, before the handler", async () => {
    const port = await start();
    const { response, body } = await get(port, "/api/deliveries/%ED%A0%80");
    expect(response.status).toBe(400);
    expect(body).toEqual({
      error: { code: "INVALID_REQUEST", message: "The request path is not valid percent-encoded UTF-8" },
    });
    expect((await get(port, "/api/deliveries/%E2%82%AC")).response.status).toBe(200);
    expect(calls).toEqual(["GET /api/deliveries/%E2%82%AC"]);
  });
});

describe("oversized bodies", () => {
  const oversized = (path: string) => [
    `POST ${path} HTTP/1.1\r\nHost: portal\r\nContent-Type: application/json\r\nContent-Length: ${CEILING * 64}\r\n\r\n`,
    Buffer.alloc(CEILING * 64, "a"),
    // The sender's next request on the same connection, pipelined behind the refused one.
    "GET /api/next HTTP/1.1\r\nHost: portal\r\n\r\n",
  ];

  it("a declared Content-Length over the ceiling: 413 in the envelope, Connection: close, a clean close, Next never called", async () => {
    const port = await start();
    const { received, ended } = await rawExchange(port, oversized("/api/sign-up"));
    expect(statusCodes(received)).toEqual([413]);
    expect(received).toMatch(/^connection: close$/im);
    expect(received).toContain(
      `{"error":{"code":"PAYLOAD_TOO_LARGE","message":"Request body must be at most ${CEILING} bytes"}}`,
    );
    expect(ended).toBe("end"); // a FIN, not a reset
    expect(calls).toEqual([]); // neither request reached the handler
  });

  it("a path with a tighter ceiling", async () => {
    const port = await start({ pathBodyLimits: [{ prefix: "/api/auth/", maxBytes: 100 }] });
    const { received } = await rawExchange(port, [
      `POST /api/auth/callback HTTP/1.1\r\nHost: p\r\nContent-Length: 101\r\n\r\n`,
      "a".repeat(101),
    ]);
    expect(statusCodes(received)).toEqual([413]);
    expect(received).toContain("at most 100 bytes");
  });

  it("a 413 from the handler closes the connection too, gracefully, for a chunked body", async () => {
    const port = await start();
    const chunk = "a".repeat(4096);
    const body = `${Array.from({ length: 64 }, () => `${(4096).toString(16)}\r\n${chunk}\r\n`).join("")}0\r\n\r\n`;
    const { received, ended } = await rawExchange(port, [
      "POST /refuse HTTP/1.1\r\nHost: portal\r\nTransfer-Encoding: chunked\r\n\r\n",
      body,
      "GET /api/next HTTP/1.1\r\nHost: portal\r\n\r\n",
    ]);
    expect(statusCodes(received)).toEqual([413]);
    expect(received).toMatch(/^connection: close$/im);
    expect(ended).toBe("end");
    expect(calls).toEqual(["POST /refuse"]);
  });

  it("a 413 after the route cancelled the body stream midway: still answered, still a clean close", async () => {
    const port = await start();
    const chunk = "a".repeat(4096);
    const body = `${Array.from({ length: 2_000 }, () => `${(4096).toString(16)}\r\n${chunk}\r\n`).join("")}0\r\n\r\n`;
    const { received, ended } = await rawExchange(port, [
      "POST /cancel HTTP/1.1\r\nHost: portal\r\nTransfer-Encoding: chunked\r\n\r\n",
      body,
      "GET /api/next HTTP/1.1\r\nHost: portal\r\n\r\n",
    ]);
    expect(statusCodes(received)).toEqual([413]);
    expect(received).toMatch(/^connection: close$/im);
    expect(ended).toBe("end");
    expect(calls).toEqual(["POST /cancel"]);
  });

  it("a body under the ceiling is served, and the connection kept", async () => {
    const port = await start();
    const { received } = await rawExchange(port, [
      `POST /api/x HTTP/1.1\r\nHost: p\r\nContent-Length: 10\r\n\r\n0123456789`,
      "GET /api/y HTTP/1.1\r\nHost: p\r\nConnection: close\r\n\r\n",
    ]);
    expect(statusCodes(received)).toEqual([200, 200]);
    expect(received).toContain('"bytes":10');
  });
});

describe("Upgrade: h2c", () => {
  const h2c =
    "GET /api/health HTTP/1.1\r\nHost: portal\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABkAAQCAAAAAAIAAAAA\r\n\r\n";

  it("is answered as HTTP/1.1 and the connection stays usable", async () => {
    const port = await start();
    const { received } = await rawExchange(port, [
      h2c,
      "GET /api/again HTTP/1.1\r\nHost: portal\r\nConnection: close\r\n\r\n",
    ]);
    expect(statusCodes(received)).toEqual([200, 200]);
    expect(calls).toEqual(["GET /api/health", "GET /api/again"]);
  });

  it("is answered as HTTP/1.1 with a body, beside a WebSocket upgrade handler (next dev)", async () => {
    const upgrades: string[] = [];
    const port = await start({
      upgradeWebSocket: (req, socket) => {
        upgrades.push(req.url ?? "");
        socket.end("HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n");
      },
    });
    const post =
      "POST /api/x HTTP/1.1\r\nHost: p\r\nConnection: Upgrade, HTTP2-Settings\r\nUpgrade: h2c\r\nHTTP2-Settings: AAMAAABk\r\nContent-Length: 5\r\n\r\nhello";
    const { received } = await rawExchange(port, [post, "GET /api/y HTTP/1.1\r\nHost: p\r\nConnection: close\r\n\r\n"]);
    expect(statusCodes(received)).toEqual([200, 200]);
    expect(received).toContain('"bytes":5');
    const websocket = await rawExchange(port, [
      "GET /_next/hmr HTTP/1.1\r\nHost: p\r\nConnection: Upgrade\r\nUpgrade: websocket\r\n\r\n",
    ]);
    expect(statusCodes(websocket.received)).toEqual([101]);
    expect(upgrades).toEqual(["/_next/hmr"]);
  });
});

describe("security headers", () => {
  it("every answer gets the fixed ones; routes a CSP that allows nothing", async () => {
    const port = await start({ https: true });
    const { response } = await get(port, "/api/x");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("x-frame-options")).toBe("DENY");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("strict-transport-security")).toBe("max-age=31536000");
    expect(response.headers.get("content-security-policy")).toBe("default-src 'none'; frame-ancestors 'none'");
    const auth = await get(port, "/api/auth/error");
    expect(auth.response.headers.get("content-security-policy")).toMatch(
      /^default-src 'none'; style-src 'unsafe-inline'; .*frame-ancestors 'none'$/,
    );
    const page = await get(port, "/jobs");
    expect(page.response.headers.get("content-security-policy")).toBeNull(); // pages: proxy.ts, with a nonce
    expect(page.response.headers.get("x-frame-options")).toBe("DENY");
  });

  it("no HSTS over plain http", async () => {
    const port = await start();
    const { response } = await get(port, "/api/x");
    expect(response.headers.get("strict-transport-security")).toBeNull();
  });
});

describe("idle keep-alive connections", () => {
  it("stay open past Node's 5 s default (6 s with its grace), for the proxy in front to close", async () => {
    const port = await start();
    const agent = new Agent({ keepAlive: true, maxSockets: 1 });
    const request = () =>
      new Promise<{ status: number; socket: unknown }>((resolve, reject) => {
        const req = httpGet({ port, host: "127.0.0.1", path: "/", agent }, (res) => {
          res.resume();
          res.on("end", () => resolve({ status: res.statusCode ?? 0, socket: req.socket }));
        });
        req.on("error", reject);
      });
    const first = await request();
    await new Promise((resolve) => setTimeout(resolve, 7_500));
    const second = await request();
    expect([first.status, second.status]).toEqual([200, 200]);
    // The same connection served both: the server had not closed it while idle.
    expect(second.socket).toBe(first.socket);
    agent.destroy();
  }, 20_000);
});
