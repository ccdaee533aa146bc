import { env } from "@/lib/env";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin a page was requested at, from its headers (a reverse proxy's X-Forwarded-* first),
 * for showing users URLs they can paste. Malformed values fall back to NEXTAUTH_URL, then localhost.
 */
export function getRequestOrigin(headers: Headers): string {
  const first = (name: string) => headers.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host");
  const proto = first("x-forwarded-proto") ?? "http";
  if (host && HOST.test(host) && (proto === "http" || proto === "https")) return `${proto}://${host}`;
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : `http://localhost:${env.PORT}`;
}
