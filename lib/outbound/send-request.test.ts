import http from "node:http";
import type { AddressInfo } from "node:net";
import net from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { describeOutboundFailure } from "./describe-outbound-failure";
import { OutboundError } from "./outbound-error";
import { readCapped } from "./read-body";
import { MAX_JSON_BYTES, requestJson } from "./request-json";
import { type OutboundRequest, sendRequest } from "./send-request";

// The guarded client against real sockets on loopback: each path a server can answer by.
type Handler = (request: http.IncomingMessage, response: http.ServerResponse) => void;
let handler: Handler = (_request, response) => response.end("ok");
const seen: string[] = [];
let server: http.Server;
let origin: string;
let bytesWritten = 0;

beforeAll(async () => {
  server = http.createServer((request, response) => {
    seen.push(request.url ?? "");
    handler(request, response);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  origin = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const LOOPBACK_OK = { allowPrivate: true };
const get = (path: string, overrides: Partial<OutboundRequest> = {}) =>
  sendRequest({
    method: "GET",
    url: new URL(path, origin),
    policy: LOOPBACK_OK,
    timeouts: { connectMs: 2_000, firstByteMs: 2_000, idleMs: 2_000 },
    ...overrides,
  });
const failureOf = async (promise: Promise<unknown>) => {
  const error = await promise.then(
    () => null,
    (caught: unknown) => caught,
  );
  expect(error).toBeInstanceOf(OutboundError);
  return (error as OutboundError).failure;
};

describe("the guarded client", () => {
  it("never follows a redirect: the 3xx is the answer", async () => {
    handler = (request, response) => {
      if (request.url === "/moved") response.writeHead(302, { location: "/internal-secret" }).end();
      else response.end("internal secret");
    };
    seen.length = 0;
    const response = await get("/moved");
    expect(response.status).toBe(302);
    response.body.destroy();
    expect(seen).toEqual(["/moved"]);
  });

  it("refuses a name that resolves to loopback now (DNS rebinding) without connecting", async () => {
    seen.length = 0;
    const url = new URL(`http://rebind.example.com:${new URL(origin).port}/x`);
    const failure = await failureOf(
      get("/", { url, policy: { allowPrivate: false }, resolve: async () => [{ address: "127.0.0.1", family: 4 }] }),
    );
    expect(failure).toMatchObject({
      kind: "refused",
      reason: expect.stringMatching(/resolves to 127\.0\.0\.1, which is not a public address/),
    });
    expect(seen).toEqual([]);
  });

  it("refuses cloud metadata even with private addresses allowed, literal or resolved", async () => {
    expect(await failureOf(get("/", { url: new URL("http://169.254.169.254/latest/meta-data/") }))).toMatchObject({
      kind: "refused",
    });
    expect(await failureOf(get("/", { url: new URL("http://[fd00:ec2::254]/latest/") }))).toMatchObject({
      kind: "refused",
    });
    const resolve = async () => [{ address: "100.100.100.200", family: 4 }];
    expect(await failureOf(get("/", { url: new URL("http://metadata.example.com/"), resolve }))).toMatchObject({
      kind: "refused",
    });
    const operator = { allowPrivate: true, operatorChosen: true };
    expect(
      await failureOf(get("/", { url: new URL("http://imds.example.com/"), policy: operator, resolve })),
    ).toMatchObject({ kind: "refused" });
  });

  it("refuses schemes other than http(s) and URLs with credentials", async () => {
    for (const url of ["file:///etc/passwd", "ftp://127.0.0.1/", `http://user:pw@127.0.0.1:${new URL(origin).port}/`]) {
      expect(await failureOf(get("/", { url: new URL(url) }))).toMatchObject({ kind: "refused" });
    }
  });

  it("times out waiting for the first byte", async () => {
    handler = () => undefined;
    const failure = await failureOf(get("/hang", { timeouts: { connectMs: 1_000, firstByteMs: 300 } }));
    expect(failure).toEqual({ kind: "timeout", phase: "first_byte", afterMs: 300 });
    expect(describeOutboundFailure(new OutboundError(failure))).toBe("Timed out after 0.3 s");
  });

  it("times out connecting when the TLS handshake never completes", async () => {
    // Reads the ClientHello and never answers it.
    const silent = net.createServer((socket) => socket.resume());
    await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
    try {
      const url = new URL(`https://127.0.0.1:${(silent.address() as AddressInfo).port}/`);
      expect(await failureOf(get("/", { url, timeouts: { connectMs: 150, firstByteMs: 5_000 } }))).toEqual({
        kind: "timeout",
        phase: "connect",
        afterMs: 150,
      });
    } finally {
      await new Promise((resolve) => silent.close(resolve));
    }
  });

  it("lets a slow but steady body through and breaks a stalled one", async () => {
    handler = (request, response) => {
      response.writeHead(200);
      let sent = 0;
      const timer = setInterval(() => {
        response.write(Buffer.alloc(1024, 97));
        sent += 1;
        // "/steady" goes on to the end; "/stall" stops after two chunks and keeps the connection open.
        if (request.url === "/steady" && sent === 12) {
          clearInterval(timer);
          response.end();
        }
        if (request.url === "/stall" && sent === 2) clearInterval(timer);
      }, 40);
      response.on("close", () => clearInterval(timer));
    };
    // The whole transfer (12 × 40 ms) takes longer than the idle limit: only silence counts.
    const steady = await get("/steady", { timeouts: { firstByteMs: 1_000, idleMs: 200 } });
    expect((await readCapped(steady.body, 1 << 20)).length).toBe(12 * 1024);
    const stalled = await get("/stall", { timeouts: { firstByteMs: 1_000, idleMs: 200 } });
    expect(await failureOf(readCapped(stalled.body, 1 << 20))).toEqual({
      kind: "timeout",
      phase: "idle",
      afterMs: 200,
    });
  });

  it("cuts a JSON answer off past 1 MiB without reading the rest", async () => {
    bytesWritten = 0;
    let closed!: () => void;
    const connectionClosed = new Promise<void>((resolve) => (closed = resolve));
    handler = (_request, response) => {
      response.writeHead(200, { "content-type": "application/json" });
      // An endless answer: a client that buffered it all would never return.
      const chunk = Buffer.alloc(64 * 1024, 32);
      const pump = () => {
        while (!response.destroyed && response.write(chunk)) bytesWritten += chunk.length;
      };
      response.on("drain", pump);
      response.on("close", closed);
      response.write("[");
      pump();
    };
    const failure = await failureOf(
      requestJson({
        method: "POST",
        url: new URL("/big", origin),
        body: "{}",
        policy: LOOPBACK_OK,
        timeouts: { firstByteMs: 2_000, idleMs: 2_000 },
      }),
    );
    expect(failure).toEqual({ kind: "too_large", limitBytes: MAX_JSON_BYTES });
    await connectionClosed;
    expect(bytesWritten).toBeLessThan(16 * MAX_JSON_BYTES);
  });

  it("reads a JSON answer, and null for one that is not JSON", async () => {
    handler = (request, response) =>
      response
        .writeHead(request.url === "/json" ? 404 : 500)
        .end(
          request.url === "/json"
            ? '{"error":{"code":"RESOURCE_NOT_FOUND","message":"Job not found"}}'
            : "<html>oops</html>",
        );
    const post = (path: string) =>
      requestJson({
        method: "POST",
        url: new URL(path, origin),
        body: "{}",
        policy: LOOPBACK_OK,
        timeouts: { firstByteMs: 2_000 },
      });
    expect(await post("/json")).toEqual({
      status: 404,
      json: { error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } },
    });
    expect(await post("/html")).toEqual({ status: 500, json: null });
  });

  it("says what went wrong in plain words", async () => {
    const closedPort = await new Promise<number>((resolve) => {
      const probe = net.createServer().listen(0, "127.0.0.1", () => {
        const { port } = probe.address() as AddressInfo;
        probe.close(() => resolve(port));
      });
    });
    const error = await get("/", { url: new URL(`http://127.0.0.1:${closedPort}/`) }).catch(
      (caught: unknown) => caught,
    );
    expect(describeOutboundFailure(error)).toBe("Connection refused");
    const unknown = new OutboundError(
      { kind: "network", code: "ERR_SOMETHING_NEW" },
      new Error("connect to db.internal:5432/secret failed"),
    );
    expect(describeOutboundFailure(unknown)).toBe("Request failed");
    expect(describeOutboundFailure(new OutboundError({ kind: "network", code: "DEPTH_ZERO_SELF_SIGNED_CERT" }))).toBe(
      "TLS certificate not trusted",
    );
  });
});
