import http from "node:http";
import https from "node:https";
import type { Readable } from "node:stream";
import { type AddressPolicy, classifyAddress } from "@/lib/ssrf/classify-address";
import { ipLiteralOf } from "@/lib/ssrf/parse-webhook-url";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { agentFor } from "./agents";
import { guardIdleBody } from "./guard-idle-body";
import { OutboundError, type TimeoutPhase, toOutboundError } from "./outbound-error";

// The one HTTP client for every server-side request to a URL the server did not choose itself
// (webhook endpoints, the workspace's Jobs API, the output files the zip fetches):
// - the socket connects only to an address the policy approves, checked at connect time by the
//   agent's lookup (guarded-lookup.ts), so DNS rebinding finds nothing to rebind;
// - redirects are never followed (node:http does not; a 3xx is an answer like any other);
// - timeouts per phase — connecting, the first byte of the answer, silence between two chunks —
//   so a large file over a slow but steady link still arrives, and a stalled one does not hang;
//   an overall deadline only where the caller wants one (webhooks);
// - the body is a stream: callers read what they need (read-body.ts caps it) and drop the rest.

export interface PhaseTimeouts {
  /** DNS, TCP and TLS. */
  connectMs?: number;
  /** From connected to the response's status line and headers. */
  firstByteMs?: number;
  /** The longest wait for the next chunk of the body while one is wanted. */
  idleMs?: number;
  /** The whole exchange, body included. */
  totalMs?: number;
}

export interface OutboundRequest {
  method: "GET" | "POST";
  url: URL;
  headers?: Record<string, string>;
  body?: string;
  policy: AddressPolicy;
  timeouts: PhaseTimeouts;
  /** Tests: a DNS of their own (e.g. one that rebinds). */
  resolve?: ResolveHost;
  signal?: AbortSignal;
}

export interface OutboundResponse {
  status: number;
  headers: http.IncomingHttpHeaders;
  /** Errors with an OutboundError when the transfer stalls or breaks; destroy it to stop reading. */
  body: Readable;
}

/** A keep-alive socket the other side closed while idle fails at once: not the server's answer. */
class StaleSocketError extends Error {
  constructor(readonly original: OutboundError) {
    super("stale keep-alive socket");
  }
}

/** What can be refused before DNS is asked: the scheme, credentials, and an IP literal's address. */
function refusalOf(url: URL, policy: AddressPolicy): string | null {
  if (url.protocol !== "https:" && url.protocol !== "http:") return `${url.protocol} URLs are not allowed`;
  if (url.username || url.password) return "URLs with credentials (user:password@) are not allowed";
  const literal = ipLiteralOf(url);
  if (!literal) return null;
  const verdict = classifyAddress(literal, policy);
  return verdict.ok ? null : verdict.reason;
}

function attempt(request: OutboundRequest, deadlineAt: number | null): Promise<OutboundResponse> {
  const { url, timeouts } = request;
  return new Promise((resolve, reject) => {
    const timers = new Set<NodeJS.Timeout>();
    const startTimer = (ms: number, onFire: () => void) => {
      const timer = setTimeout(
        () => {
          timers.delete(timer);
          onFire();
        },
        Math.max(1, ms),
      );
      timers.add(timer);
      return timer;
    };
    const stopTimer = (timer: NodeJS.Timeout | null) => {
      if (!timer) return;
      clearTimeout(timer);
      timers.delete(timer);
    };
    let answered = false;
    let body: Readable | null = null;
    const fail = (error: Error) => {
      if (answered) return;
      answered = true;
      for (const timer of timers) clearTimeout(timer);
      request.signal?.removeEventListener("abort", onAbort);
      outgoing.destroy();
      reject(error);
    };
    const timeout = (phase: TimeoutPhase, afterMs: number) => new OutboundError({ kind: "timeout", phase, afterMs });

    const isHttps = url.protocol === "https:";
    const outgoing = (isHttps ? https : http).request({
      protocol: url.protocol,
      hostname: ipLiteralOf(url) ?? url.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: request.method,
      agent: agentFor(url.protocol, request.policy, request.resolve),
      headers: {
        ...request.headers,
        ...(request.body !== undefined ? { "content-length": String(Buffer.byteLength(request.body)) } : {}),
      },
    });

    // The whole exchange, where the caller set one: before the answer it fails the request; after,
    // it breaks the body, whose reader sees the timeout.
    if (deadlineAt !== null) {
      const totalMs = timeouts.totalMs ?? 0;
      startTimer(deadlineAt - performance.now(), () => {
        if (!answered) fail(timeout("total", totalMs));
        else body?.destroy(timeout("total", totalMs));
      });
    }
    const connectTimer = timeouts.connectMs
      ? startTimer(timeouts.connectMs, () => fail(timeout("connect", timeouts.connectMs ?? 0)))
      : null;
    let firstByteTimer: NodeJS.Timeout | null = null;
    const connected = () => {
      stopTimer(connectTimer);
      if (timeouts.firstByteMs && !answered) {
        firstByteTimer = startTimer(timeouts.firstByteMs, () => fail(timeout("first_byte", timeouts.firstByteMs ?? 0)));
      }
    };
    outgoing.on("socket", (socket) => {
      if (outgoing.reusedSocket || !socket.connecting) connected();
      else socket.once(isHttps ? "secureConnect" : "connect", connected);
    });

    const onAbort = () => fail(new OutboundError({ kind: "aborted" }));
    if (request.signal?.aborted) return onAbort();
    request.signal?.addEventListener("abort", onAbort, { once: true });

    outgoing.on("error", (error: NodeJS.ErrnoException) => {
      if (answered) return; // the body reports what happens after the answer
      const failure = toOutboundError(error);
      fail(outgoing.reusedSocket && error.code === "ECONNRESET" ? new StaleSocketError(failure) : failure);
    });
    outgoing.on("response", (response) => {
      stopTimer(connectTimer);
      stopTimer(firstByteTimer);
      answered = true;
      const guarded = guardIdleBody(response, timeouts.idleMs);
      body = guarded;
      // From here on, cancelling breaks the body instead of the request.
      const onBodyAbort = () => guarded.destroy(new OutboundError({ kind: "aborted" }));
      request.signal?.removeEventListener("abort", onAbort);
      request.signal?.addEventListener("abort", onBodyAbort, { once: true });
      guarded.once("close", () => {
        for (const timer of timers) clearTimeout(timer);
        request.signal?.removeEventListener("abort", onBodyAbort);
      });
      resolve({ status: response.statusCode ?? 0, headers: response.headers, body: guarded });
    });
    outgoing.end(request.body);
  });
}

/**
 * Sends one request through the guard and answers once the status and headers are in; every
 * failure rejects with an OutboundError. A stale pooled socket is retried on a fresh one (twice).
 */
export async function sendRequest(request: OutboundRequest): Promise<OutboundResponse> {
  const refusal = refusalOf(request.url, request.policy);
  if (refusal) throw new OutboundError({ kind: "refused", reason: refusal });
  const deadlineAt = request.timeouts.totalMs ? performance.now() + request.timeouts.totalMs : null;
  for (let tries = 1; ; tries += 1) {
    try {
      return await attempt(request, deadlineAt);
    } catch (error) {
      if (!(error instanceof StaleSocketError)) throw error;
      if (tries >= 3) throw error.original;
    }
  }
}
