import { getPublicOrigin } from "@/lib/http/get-public-origin";

/**
 * An absolute link into this portal, for mails. Built from the public origin without any request
 * headers (NEXTAUTH_URL, the address the operator configured): a forged Host would otherwise send
 * a victim's confirmation link, and its token, to a site of the forger's choosing.
 */
export function portalUrl(path: string, params: Record<string, string> = {}): string {
  const url = new URL(path, getPublicOrigin());
  for (const [name, value] of Object.entries(params)) url.searchParams.set(name, value);
  return url.toString();
}
