import { type NextRequest, NextResponse } from "next/server";
import { getToken } from "next-auth/jwt";
import { env } from "@/lib/env";
import { pageCsp } from "@/lib/http/security-headers";
import { WORKSPACE_COOKIE, WORKSPACE_HEADER, workspaceFromPath } from "@/lib/http/workspace-selector";

// Next 16's proxy (formerly middleware), for every page:
// - a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the request's CSP
//   header and puts it on its own scripts; the root layout reads it (x-nonce) for the theme script.
//   Route handlers and static files get their headers from the portal server (lib/server).
// - signed-out visitors of portal pages go to sign-in, keeping where they were headed. An
//   optimistic check on the JWT only — the (portal) layout's requireMembership() is the authority,
//   since a valid token may belong to a user without a workspace.
// - a workspace page (`/w/{workspaceId}/…`) names its workspace to the server components in a
//   request header, and becomes the browser's default workspace (a cookie) for URLs that name none
//   (lib/http/workspace-selector.ts). The URL, not the cookie, is what each tab shows.
const SIGNED_IN_PREFIXES = ["/w", "/jobs", "/settings", "/api-docs", "/account", "/workspaces"];
const ONE_YEAR_SECONDS = 365 * 24 * 60 * 60;

function needsSignIn(pathname: string): boolean {
  return SIGNED_IN_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

/** The Jobs APIs' origins, whose output links the player may stream (https ones are allowed anyway). */
function mediaOrigins(): string[] {
  const origins = env.JOBS_API_BASE_URLS.flatMap((url) => {
    try {
      const { origin, protocol } = new URL(url);
      return protocol === "http:" ? [origin] : [];
    } catch {
      return [];
    }
  });
  return [...new Set(origins)];
}

export async function proxy(request: NextRequest) {
  if (needsSignIn(request.nextUrl.pathname) && !(await getToken({ req: request, secret: env.NEXTAUTH_SECRET }))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp({
    nonce,
    dev: env.NODE_ENV === "development",
    https: env.NEXTAUTH_URL?.startsWith("https:") ?? false,
    mediaOrigins: mediaOrigins(),
  });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const workspaceId = workspaceFromPath(request.nextUrl.pathname);
  if (workspaceId) requestHeaders.set(WORKSPACE_HEADER, workspaceId);
  else requestHeaders.delete(WORKSPACE_HEADER);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  if (workspaceId && request.cookies.get(WORKSPACE_COOKIE)?.value !== workspaceId) {
    const secure = env.NEXTAUTH_URL?.startsWith("https:") ?? false;
    response.cookies.set(WORKSPACE_COOKIE, workspaceId, {
      path: "/",
      maxAge: ONE_YEAR_SECONDS,
      httpOnly: true,
      sameSite: "lax",
      secure,
    });
  }
  return response;
}

export const config = {
  matcher: [
    // Pages only: not route handlers (/api, /v1), not static files.
    { source: "/((?!api/|v1/|_next/static|_next/image|favicon.ico).*)" },
  ],
};
