import http from "node:http";
import https from "node:https";
import { redact } from "@/lib/http/logger";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import { createGuardedLookup, RefusedAddressError } from "@/lib/ssrf/guarded-lookup";
import { ipLiteralOf, parseWebhookUrl } from "@/lib/ssrf/parse-webhook-url";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";

// One POST to a user's endpoint, as Stripe and Svix make them: the URL checked again, the socket
// connected only to an address the SSRF guard approved (its `lookup`), redirects never followed
// (node:http does not follow them; a 3xx is a failure), one deadline for the whole exchange, and
// at most 64 KiB of the answer read, of which 2 KiB are kept.
export const DEFAULT_TIMEOUT_MS = 15_000;
export const MAX_RESPONSE_BYTES = 64 * 1024;
export const MAX_EXCERPT_BYTES = 2 * 1024;
export const USER_AGENT = "JobsPortal-Webhooks/1.0 (+https://www.standardwebhooks.com)";

export interface PostOptions {
  policy: AddressPolicy;
  timeoutMs?: number;
  /** Tests: a DNS of their own (e.g. one that rebinds). */
  resolve?: ResolveHost;
}

export interface PostResult {
  statusCode: number | null;
  retryAfter: string | null;
  responseExcerpt: string | null;
  error: string | null;
  durationMs: number;
}

// Keep-alive agents per policy: a busy endpoint reuses its connections instead of a TLS handshake
// per event. A pooled socket was connected through the guarded lookup, so reusing it is safe.
const agents = new Map<string, http.Agent>();
function createAgent(protocol: string, options: PostOptions): http.Agent {
  const settings = { keepAlive: !options.resolve, lookup: createGuardedLookup(options.policy, options.resolve), scheduling: "lifo" as const };
  return protocol === "https:" ? new https.Agent(settings) : new http.Agent(settings);
}

function agentFor(protocol: string, options: PostOptions): http.Agent {
  if (options.resolve) return createAgent(protocol, options); // a test's own DNS: never pooled
  const key = `${protocol}${options.policy.allowPrivate}`;
  let agent = agents.get(key);
  if (!agent) agents.set(key, (agent = createAgent(protocol, options)));
  return agent;
}

function describeError(error: NodeJS.ErrnoException): string {
  if (error instanceof RefusedAddressError) return `Refused: ${error.message}`;
  if (error.code === "ECONNREFUSED") return "Connection refused";
  if (error.code === "ENOTFOUND" || error.code === "EAI_AGAIN") return "Host not found";
  if (error.code === "ECONNRESET") return "Connection reset by the endpoint";
  return redact(error.message || String(error.code ?? "Request failed"));
}

function excerptOf(chunks: Buffer[]): string | null {
  const bytes = Buffer.concat(chunks).subarray(0, MAX_EXCERPT_BYTES);
  return bytes.length === 0 ? null : new TextDecoder("utf-8", { fatal: false }).decode(bytes);
}

function attempt(url: URL, headers: Record<string, string>, body: string, options: PostOptions, timeoutMs: number, startedAt: number) {
  return new Promise<PostResult & { staleSocket: boolean }>((resolve) => {
    const elapsed = () => Math.round(performance.now() - startedAt);
    let settled = false;
    let gotResponse = false;
    let statusCode: number | null = null;
    const finish = (result: Omit<PostResult, "durationMs">, staleSocket = false) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve({ ...result, durationMs: elapsed(), staleSocket });
    };
    const transport = url.protocol === "https:" ? https : http;
    const request = transport.request({
      protocol: url.protocol,
      hostname: ipLiteralOf(url) ?? url.hostname,
      port: url.port || undefined,
      path: `${url.pathname}${url.search}`,
      method: "POST",
      agent: agentFor(url.protocol, options),
      headers: { ...headers, "content-type": "application/json", "user-agent": USER_AGENT, "content-length": Buffer.byteLength(body) },
    });
    const remaining = Math.max(1, timeoutMs - elapsed());
    const timer = setTimeout(() => {
      // Headers in time and a body that is not: the status was the answer, and it stands.
      const error = gotResponse ? `Response body not finished within ${timeoutMs / 1000} s` : `No response within ${timeoutMs / 1000} s`;
      finish({ statusCode, retryAfter: null, responseExcerpt: null, error });
      request.destroy();
    }, remaining);
    request.on("error", (error: NodeJS.ErrnoException) => {
      // A keep-alive socket the endpoint closed while idle fails at once, before any response:
      // not the endpoint's answer, so the request is made again on a fresh connection.
      const stale = request.reusedSocket && !gotResponse && error.code === "ECONNRESET";
      finish({ statusCode: null, retryAfter: null, responseExcerpt: null, error: describeError(error) }, stale);
    });
    request.on("response", (response) => {
      gotResponse = true;
      statusCode = response.statusCode ?? null;
      const chunks: Buffer[] = [];
      let received = 0;
      const done = () =>
        finish({
          statusCode,
          retryAfter: typeof response.headers["retry-after"] === "string" ? response.headers["retry-after"] : null,
          responseExcerpt: excerptOf(chunks),
          error: null,
        });
      response.on("data", (chunk: Buffer) => {
        if (received < MAX_EXCERPT_BYTES) chunks.push(chunk);
        received += chunk.length;
        if (received >= MAX_RESPONSE_BYTES) {
          // Enough: the status is what counts. The rest is not read; the connection is dropped.
          done();
          response.destroy();
        }
      });
      response.on("end", done);
      response.on("error", done);
      response.on("close", done);
    });
    request.end(body);
  });
}

/** POSTs a signed body; every failure is a value (nothing throws). */
export async function postWebhook(rawUrl: string, headers: Record<string, string>, body: string, options: PostOptions): Promise<PostResult> {
  const startedAt = performance.now();
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const checked = parseWebhookUrl(rawUrl, options.policy);
  if (!checked.ok) return { statusCode: null, retryAfter: null, responseExcerpt: null, error: `Refused: ${checked.reason}`, durationMs: 0 };
  for (let tries = 1; ; tries += 1) {
    const { staleSocket, ...result } = await attempt(checked.url, headers, body, options, timeoutMs, startedAt);
    if (!staleSocket || tries >= 3) return result;
  }
}
