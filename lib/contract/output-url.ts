import { classifyAddress } from "@/lib/ssrf/classify-address";

// Which output URLs an upstream may hand this portal. They end up in an <a href>, on a member's
// clipboard, in /v1 answers, in signed outgoing webhooks, and the zip fetches them from the
// server: so https:// only (never javascript:, data:, file:, ...), and not an IP literal inside
// a private network — except on the configured upstream's own origin, which the operator chose
// (the simulator serves its files over http on 127.0.0.1).
export const MAX_OUTPUT_URL_LENGTH = 4096;

/** The host as an IP literal, or null for a name. WHATWG parsing already wrote IPv4 as a.b.c.d. (No node:net: the job page imports this module.) */
function ipLiteral(url: URL): string | null {
  if (url.hostname.startsWith("[")) return url.hostname.slice(1, -1);
  return /^\d{1,3}(\.\d{1,3}){3}$/.test(url.hostname) ? url.hostname : null;
}

/** Why `raw` may not be an output URL, or null when it may. `upstreamOrigin`: the workspace's allowed Jobs API origin. */
export function outputUrlProblem(raw: string, upstreamOrigin: string | null): string | null {
  if (raw.length > MAX_OUTPUT_URL_LENGTH) return `must be at most ${MAX_OUTPUT_URL_LENGTH} characters`;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return "must be a URL";
  }
  if (url.username || url.password) return "must not carry credentials (user:password@)";
  if (
    (url.protocol === "https:" || url.protocol === "http:") &&
    upstreamOrigin !== null &&
    url.origin === upstreamOrigin
  )
    return null;
  if (url.protocol !== "https:") return "must be an https:// URL (or on the Jobs API's own origin)";
  const literal = ipLiteral(url);
  if (literal) {
    const verdict = classifyAddress(literal, { allowPrivate: false });
    if (!verdict.ok) return `must point to a public address: ${verdict.reason}`;
  }
  return null;
}

/** The origin of a base URL (`https://api.example.com/jobs` → `https://api.example.com`). */
export function originOf(baseUrl: string | null): string | null {
  if (!baseUrl) return null;
  try {
    return new URL(baseUrl).origin;
  } catch {
    return null;
  }
}
