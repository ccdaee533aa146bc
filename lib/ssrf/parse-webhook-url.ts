import { isIP } from "node:net";
import { type AddressPolicy, classifyAddress } from "./classify-address";

// The checks a webhook URL must pass before any DNS is asked: at save time (check-webhook-url.ts)
// and again at every send, since the policy (ALLOW_PRIVATE_WEBHOOK_URLS) may have changed since.
export type UrlVerdict = { ok: true; url: URL } | { ok: false; reason: string };

export const MAX_WEBHOOK_URL_LENGTH = 2048;

/** The URL's host as an IP literal (without IPv6 brackets), or null for a DNS name. */
export function ipLiteralOf(url: URL): string | null {
  const host = url.hostname.replace(/^\[|\]$/g, "");
  return isIP(host) ? host : null;
}

export function parseWebhookUrl(raw: string, policy: AddressPolicy): UrlVerdict {
  if (raw.length > MAX_WEBHOOK_URL_LENGTH)
    return { ok: false, reason: `URL is longer than ${MAX_WEBHOOK_URL_LENGTH} characters` };
  let url: URL;
  try {
    // WHATWG parsing normalises every IPv4 spelling (2130706433, 0177.0.0.1, 0x7f.1, 127.1) and
    // IPv6 literal to one canonical form, which is what gets classified below.
    url = new URL(raw);
  } catch {
    return { ok: false, reason: "not a valid URL" };
  }
  if (url.protocol !== "https:" && url.protocol !== "http:")
    return { ok: false, reason: `${url.protocol} URLs are not allowed; use https://` };
  if (url.protocol === "http:" && !policy.allowPrivate) return { ok: false, reason: "webhook URLs must use https://" };
  // Credentials in a URL end up in logs and Referer-like places; the signature authenticates us.
  if (url.username || url.password)
    return { ok: false, reason: "URLs with credentials (user:password@) are not allowed" };
  if (!url.hostname) return { ok: false, reason: "URL has no host" };
  const literal = ipLiteralOf(url);
  if (literal) {
    const verdict = classifyAddress(literal, policy);
    if (!verdict.ok) return verdict;
  }
  return { ok: true, url };
}
