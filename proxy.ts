import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";
import { pageCsp } from "@/lib/http/security-headers";

// Next 16's proxy (formerly middleware), for every page:
// - a Content-Security-Policy with a fresh nonce. Next.js reads the nonce from the request's CSP
//   header and puts it on its own scripts; the root layout reads it (x-nonce) for the theme script.
//   Route handlers and static files get their headers from the portal server (lib/server).
// - signed-out visitors of portal pages go to sign-in, keeping where they were headed. An
//   optimistic check on the JWT only — the (portal) layout's requireMembership() is the authority,
//   since a valid token may belong to a user without a workspace.
const SIGNED_IN_PREFIXES = ["/overview", "/jobs", "/settings"];

function needsSignIn(pathname: string): boolean {
  return SIGNED_IN_PREFIXES.some((prefix) => pathname === prefix || pathname.startsWith(`${prefix}/`));
}

export async function proxy(request: NextRequest) {
  if (needsSignIn(request.nextUrl.pathname) && !(await getToken({ req: request, secret: env.NEXTAUTH_SECRET }))) {
    const signIn = new URL("/sign-in", request.url);
    signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
    return NextResponse.redirect(signIn);
  }
  const nonce = Buffer.from(crypto.getRandomValues(new Uint8Array(16))).toString("base64");
  const csp = pageCsp({ nonce, dev: env.NODE_ENV === "development", https: env.NEXTAUTH_URL?.startsWith("https:") ?? false });
  const requestHeaders = new Headers(request.headers);
  requestHeaders.set("x-nonce", nonce);
  requestHeaders.set("content-security-policy", csp);
  const response = NextResponse.next({ request: { headers: requestHeaders } });
  response.headers.set("content-security-policy", csp);
  return response;
}

export const config = {
  matcher: [
    // Pages only: not route handlers (/api, /v1), not static files.
    { source: "/((?!api/|v1/|_next/static|_next/image|favicon.ico).*)" },
  ],
};
