import { gzipSync } from "node:zlib";

// A signed-in client of a running portal over real HTTP, as a browser is: next-auth's own CSRF and
// credentials endpoints, then its session cookie on every request.

export interface PortalSession {
  /** GET `path` with the session cookie and the tab's workspace, as the browser's fetch sends it. */
  get(path: string, workspaceId: string, headers?: Record<string, string>): Promise<Response>;
}

function cookiesOf(response: Response, jar: Map<string, string>): void {
  for (const cookie of response.headers.getSetCookie()) {
    const [pair] = cookie.split(";");
    const at = pair.indexOf("=");
    jar.set(pair.slice(0, at).trim(), pair.slice(at + 1).trim());
  }
}

export async function signIn(portalUrl: string, email: string, password: string): Promise<PortalSession> {
  const jar = new Map<string, string>();
  const cookie = () => [...jar].map(([name, value]) => `${name}=${value}`).join("; ");
  const csrf = await fetch(`${portalUrl}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = (await csrf.json()) as { csrfToken: string };
  const response = await fetch(`${portalUrl}/api/auth/callback/credentials`, {
    method: "POST",
    redirect: "manual",
    headers: { "content-type": "application/x-www-form-urlencoded", cookie: cookie(), origin: portalUrl },
    body: new URLSearchParams({ csrfToken, email, password, json: "true" }),
  });
  cookiesOf(response, jar);
  if (![...jar.keys()].some((name) => name.endsWith("next-auth.session-token")))
    throw new Error(`sign-in as ${email} failed: HTTP ${response.status}`);
  return {
    get: (path, workspaceId, headers = {}) =>
      fetch(`${portalUrl}${path}`, { headers: { cookie: cookie(), "x-portal-workspace": workspaceId, ...headers } }),
  };
}

/**
 * What a modern browser downloads to show a page: every script the page's HTML names but the
 * nomodule polyfills, gzip-compressed (as e2e/overview.spec.ts measures it in Chromium).
 */
export async function firstLoadJs(
  session: PortalSession,
  portalUrl: string,
  path: string,
  workspaceId: string,
): Promise<{ bytes: number; scripts: number }> {
  // As a browser asks for a page (Next names a few more chunks in a full document than in other answers).
  const response = await session.get(path, workspaceId, { accept: "text/html" });
  if (!response.ok) throw new Error(`GET ${path}: HTTP ${response.status}`);
  const html = await response.text();
  const sources = new Set<string>();
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    const src = /\bsrc="([^"]+)"/.exec(tag)?.[1];
    if (src && !/\bnomodule\b/i.test(tag)) sources.add(src.replace(/&amp;/g, "&"));
  }
  let bytes = 0;
  for (const src of sources) {
    const script = await fetch(new URL(src, portalUrl));
    bytes += gzipSync(Buffer.from(await script.arrayBuffer()), { level: 9 }).length;
  }
  return { bytes, scripts: sources.size };
}
