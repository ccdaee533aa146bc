import { createRequire } from "node:module";
import path from "node:path";
import type { AuthOptions } from "next-auth";
import { decode } from "next-auth/jwt";

// next-auth 4 does not export its core handler (its package "exports" omit ./core), yet that is
// the function app/api/auth/[...nextauth] ends up calling; the Next.js wrapper around it needs a
// live request scope. Loaded by file path, it runs the real flow — CSRF, providers, adapter,
// callbacks, JWT cookies — without a server.
type AuthHandlerType = (params: { req: Request; options: AuthOptions }) => Promise<{
  status?: number;
  redirect?: string;
  body?: unknown;
  cookies?: Array<{ name: string; value: string; options?: { maxAge?: number; expires?: Date | string } }>;
}>;
const { AuthHandler } = createRequire(import.meta.url)(path.resolve("node_modules/next-auth/core/index.js")) as {
  AuthHandler: AuthHandlerType;
};

export interface NextAuthClient {
  /** The browser's cookies, as next-auth set them (plus any a test adds, e.g. the sign-up cookie). */
  jar: Map<string, string>;
  request(path: string, init?: { method?: string; form?: Record<string, string> }): ReturnType<AuthHandlerType>;
  csrfToken(): Promise<string>;
  /** Whose session the jar holds, from next-auth's own JWT cookie; null when signed out. */
  sessionUserId(): Promise<string | null>;
}

/**
 * Drives next-auth's real request handler (the one app/api/auth/[...nextauth] serves) with the
 * portal's options and a cookie jar, for integration tests of sign-in flows without a browser.
 */
export function createNextAuthClient(options: AuthOptions, origin: string): NextAuthClient {
  const jar = new Map<string, string>();
  async function request(path: string, init: { method?: string; form?: Record<string, string> } = {}) {
    const headers = new Headers({ cookie: [...jar].map(([name, value]) => `${name}=${value}`).join("; ") });
    let body: string | undefined;
    if (init.form) {
      // The core reads JSON bodies only; the Next.js wrapper turns browsers' form posts into JSON.
      headers.set("content-type", "application/json");
      body = JSON.stringify(init.form);
    }
    const method = init.method ?? (init.form ? "POST" : "GET");
    const response = await AuthHandler({ req: new Request(new URL(path, origin), { method, headers, body }), options });
    for (const cookie of response.cookies ?? []) {
      const expired =
        cookie.options?.maxAge === 0 ||
        (cookie.options?.expires !== undefined && new Date(cookie.options.expires) <= new Date());
      if (!cookie.value || expired) jar.delete(cookie.name);
      else jar.set(cookie.name, cookie.value);
    }
    return response;
  }
  return {
    jar,
    request,
    async csrfToken() {
      const response = await request("/api/auth/csrf");
      return (response.body as { csrfToken: string }).csrfToken;
    },
    async sessionUserId() {
      const token = jar.get("next-auth.session-token");
      if (!token || !options.secret) return null;
      return (await decode({ token, secret: options.secret }))?.sub ?? null;
    },
  };
}
