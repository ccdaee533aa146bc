import { env } from "@/lib/env";

/**
 * An absolute link into this portal, for mails. Built from NEXTAUTH_URL (the public address the
 * operator configured) and never from the request's Host header: a forged Host would otherwise
 * send a victim's confirmation link, and its token, to a site of the forger's choosing.
 */
export function portalUrl(path: string, params: Record<string, string> = {}): string {
  const base = env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`;
  const url = new URL(path, base);
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
