import { getToken } from "next-auth/jwt";
import { NextResponse, type NextRequest } from "next/server";
import { env } from "@/lib/env";

// Next 16's proxy (formerly middleware): signed-out visitors of portal pages go to sign-in,
// keeping where they were headed. An optimistic check on the JWT only — the (portal) layout's
// requireMembership() is the authority, since a valid token may belong to a user without a workspace.
export async function proxy(request: NextRequest) {
  const token = await getToken({ req: request, secret: env.NEXTAUTH_SECRET });
  if (token) return NextResponse.next();
  const signIn = new URL("/sign-in", request.url);
  signIn.searchParams.set("callbackUrl", `${request.nextUrl.pathname}${request.nextUrl.search}`);
  return NextResponse.redirect(signIn);
}

export const config = {
  matcher: ["/jobs/:path*", "/settings/:path*"],
};
