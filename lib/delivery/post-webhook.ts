import type { IncomingHttpHeaders } from "node:http";
import { describeOutboundFailure } from "@/lib/outbound/describe-outbound-failure";
import { readPrefix } from "@/lib/outbound/read-body";
import { sendRequest } from "@/lib/outbound/send-request";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import { parseWebhookUrl } from "@/lib/ssrf/parse-webhook-url";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";

// One POST to a user's endpoint, as Stripe and Svix make them, through the guarded client
// (lib/outbound): the URL checked again, the socket connected only to an address the SSRF guard
// approved, redirects never followed (a 3xx is a failure), keep-alive connections with a retry
// on a stale one, one deadline for the whole exchange, and at most 64 KiB of the answer read, of
// which 2 KiB are kept.
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
  /** Every header of the request as it went out (the delivery debugger keeps them). */
  requestHeaders: Record<string, string>;
  /** The answer's headers as they came; null when no answer came. */
  responseHeaders: IncomingHttpHeaders | null;
  statusCode: number | null;
  retryAfter: string | null;
  responseExcerpt: string | null;
  /** A plain sentence ("Connection refused", "Timed out after 15 s"), never a raw internal message. */
  error: string | null;
  durationMs: number;
}

function excerptOf(bytes: Buffer): string | null {
  const kept = bytes.subarray(0, MAX_EXCERPT_BYTES);
  return kept.length === 0 ? null : new TextDecoder("utf-8", { fatal: false }).decode(kept);
}

/** POSTs a signed body; every failure is a value (nothing throws). */
export async function postWebhook(
  rawUrl: string,
  headers: Record<string, string>,
  body: string,
  options: PostOptions,
): Promise<PostResult> {
  const startedAt = performance.now();
  const elapsed = () => Math.round(performance.now() - startedAt);
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  // As sendRequest sends them (it adds content-length).
  const requestHeaders = {
    ...headers,
    "content-type": "application/json",
    "user-agent": USER_AGENT,
    "content-length": String(Buffer.byteLength(body)),
  };
  const noAnswer = { requestHeaders, responseHeaders: null, statusCode: null, retryAfter: null, responseExcerpt: null };
  const checked = parseWebhookUrl(rawUrl, options.policy);
  if (!checked.ok) return { ...noAnswer, error: `Refused: ${checked.reason}`, durationMs: 0 };
  let response;
  try {
    response = await sendRequest({
      method: "POST",
      url: checked.url,
      headers: { ...headers, "content-type": "application/json", "user-agent": USER_AGENT },
      body,
      policy: options.policy,
      timeouts: { totalMs: timeoutMs },
      resolve: options.resolve,
    });
  } catch (error) {
    const sentence = describeOutboundFailure(error, { host: checked.url.host });
    return { ...noAnswer, error: sentence, durationMs: elapsed() };
  }
  const statusCode = response.status;
  const retryAfter = typeof response.headers["retry-after"] === "string" ? response.headers["retry-after"] : null;
  // Enough to show what the endpoint said; the status is what counts. The rest is not read.
  const { bytes, error } = await readPrefix(response.body, MAX_RESPONSE_BYTES);
  // Headers in time and a body that is not: the status was the answer, and it stands.
  if (error?.failure.kind === "timeout") {
    return {
      requestHeaders,
      responseHeaders: response.headers,
      statusCode,
      retryAfter,
      responseExcerpt: null,
      error: `${describeOutboundFailure(error)} (response body not finished)`,
      durationMs: elapsed(),
    };
  }
  // A body cut short otherwise (the endpoint closed the connection): what came is kept.
  return {
    requestHeaders,
    responseHeaders: response.headers,
    statusCode,
    retryAfter,
    responseExcerpt: excerptOf(bytes),
    error: null,
    durationMs: elapsed(),
  };
}
