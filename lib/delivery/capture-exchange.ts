import type { IncomingHttpHeaders } from "node:http";
import { toStorableText } from "./storable-text";

// What the delivery debugger keeps of an attempt: the request exactly as it went out, except that
// the credentials of presigned output links are redacted (anyone holding a link downloads the file
// until it expires), and the answer's headers. Bounded, whatever the body or the receiver sends:
// the body to MAX_STORED_BODY_BYTES, the answer to MAX_RESPONSE_HEADERS headers of at most
// MAX_HEADER_VALUE_LENGTH characters. The answer's body is the attempt's excerpt (2 KiB) already.
export const MAX_STORED_BODY_BYTES = 64 * 1024;
export const MAX_RESPONSE_HEADERS = 32;
export const MAX_HEADER_VALUE_LENGTH = 512;
export const REDACTED = "REDACTED";

// Query parameters of a presigned link that say nothing secret and help debugging (when was it
// signed, for how long); every other parameter's value is redacted.
const HARMLESS_PARAMETERS = new Set([
  "x-amz-algorithm",
  "x-amz-date",
  "x-amz-expires",
  "x-amz-signedheaders",
  "expires",
  "x-goog-algorithm",
  "x-goog-date",
  "x-goog-expires",
  "x-goog-signedheaders",
  "se",
  "st",
  "sp",
  "sv",
]);
// A receiver's cookies are its own secrets.
const SECRET_RESPONSE_HEADERS = new Set(["set-cookie", "authorization", "proxy-authenticate", "www-authenticate"]);

export interface AttemptExchange {
  requestUrl: string;
  requestHeaders: Record<string, string>;
  /** The body as sent, link credentials redacted, cut at MAX_STORED_BODY_BYTES. */
  requestBody: string;
  /** The size of the redacted body before it was cut (the bytes sent are in content-length). */
  requestBodyBytes: number;
  responseHeaders: Record<string, string> | null;
}

/** An http(s) URL with every query parameter's value but the harmless ones redacted, and no fragment. */
export function redactLinkCredentials(value: string): string {
  if (!/^https?:\/\/[^\s]*[?#]/i.test(value)) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    return value.replace(/[?#].*$/s, `?${REDACTED}`);
  }
  const query = [...url.searchParams.entries()]
    .map(
      ([name, parameter]) =>
        `${encodeURIComponent(name)}=${HARMLESS_PARAMETERS.has(name.toLowerCase()) ? encodeURIComponent(parameter) : REDACTED}`,
    )
    .join("&");
  return `${url.origin}${url.pathname}${query ? `?${query}` : ""}`;
}

/**
 * The body with every link in it redacted. The portal built the body with JSON.stringify, so
 * parsing and stringifying it again gives the same text but for the links; anything else (never
 * expected) has the query strings of whatever looks like a URL cut instead.
 */
export function redactBody(body: string): string {
  try {
    return JSON.stringify(
      JSON.parse(body, (_key, value: unknown) => (typeof value === "string" ? redactLinkCredentials(value) : value)),
    );
  } catch {
    return body.replace(/(https?:\/\/[^\s"'?#]+)[?#][^\s"']*/gi, `$1?${REDACTED}`);
  }
}

/** At most `maxBytes` of UTF-8, cut at a character boundary. */
export function cutToBytes(text: string, maxBytes: number): string {
  const bytes = Buffer.from(text, "utf8");
  if (bytes.length <= maxBytes) return text;
  // A decoder that is not fatal turns a split character into U+FFFD; dropping it keeps the text clean.
  return new TextDecoder("utf-8").decode(bytes.subarray(0, maxBytes)).replace(/\ufffd$/, "");
}

function boundedResponseHeaders(headers: IncomingHttpHeaders): Record<string, string> {
  const kept: Record<string, string> = {};
  for (const [name, raw] of Object.entries(headers).slice(0, MAX_RESPONSE_HEADERS)) {
    if (raw === undefined) continue;
    const value = SECRET_RESPONSE_HEADERS.has(name) ? REDACTED : Array.isArray(raw) ? raw.join(", ") : raw;
    kept[name] = toStorableText(value, MAX_HEADER_VALUE_LENGTH) ?? "";
  }
  return kept;
}

export function captureExchange(
  url: string,
  requestHeaders: Record<string, string>,
  body: string,
  responseHeaders: IncomingHttpHeaders | null,
): AttemptExchange {
  const redacted = redactBody(body);
  return {
    requestUrl: toStorableText(url, 2_048) ?? "",
    requestHeaders: { ...requestHeaders },
    requestBody: toStorableText(cutToBytes(redacted, MAX_STORED_BODY_BYTES)) ?? "",
    requestBodyBytes: Buffer.byteLength(redacted),
    responseHeaders: responseHeaders && boundedResponseHeaders(responseHeaders),
  };
}

/** The text Standard Webhooks signs: `{webhook-id}.{webhook-timestamp}.{body}`. */
export function signedContent(headers: Record<string, string>, body: string): string {
  return `${headers["webhook-id"] ?? ""}.${headers["webhook-timestamp"] ?? ""}.${body}`;
}
