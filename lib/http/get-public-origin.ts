import { env } from "@/lib/env";

/**
 * The origin the outside world reaches this portal at. Behind a reverse proxy the request's own
 * URL may be an internal address, so NEXTAUTH_URL (which next-auth requires to be public) wins.
 */
export function getPublicOrigin(request: Request): string {
  return env.NEXTAUTH_URL ? new URL(env.NEXTAUTH_URL).origin : new URL(request.url).origin;
}
