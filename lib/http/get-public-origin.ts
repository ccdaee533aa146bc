import { env } from "@/lib/env";

const HOST = /^[A-Za-z0-9.-]+(:\d{1,5})?$|^\[[0-9A-Fa-f:.]+\](:\d{1,5})?$/;

/**
 * The origin the outside world reaches this portal at, for every URL the portal shows or sends:
 * the inbound webhook URL, the API page's examples, the OpenAPI servers, links in mails.
 * NEXTAUTH_URL wins when set (the operator's public address; next-auth requires it to be the
 * public one, and production refuses to start without it). Without it (development), the
 * request's headers — a reverse proxy's X-Forwarded-Host and -Proto first — when well-formed,
 * else http://localhost:PORT. Mails pass no headers, so a forged Host can never choose where a
 * mailed link (and its token) goes.
 */
export function getPublicOrigin(headers: Headers | null = null): string {
  if (env.NEXTAUTH_URL) return new URL(env.NEXTAUTH_URL).origin;
  const first = (name: string) => headers?.get(name)?.split(",")[0]?.trim() || null;
  const host = first("x-forwarded-host") ?? first("host");
  const proto = first("x-forwarded-proto") ?? "http";
  if (host && HOST.test(host) && (proto === "http" || proto === "https")) return `${proto}://${host}`;
  return `http://localhost:${env.PORT}`;
}
