import { env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * next-auth's CSRF token covers only its own routes, so our mutating routes require the request's
 * Origin (or, failing that, Referer) to be this portal's.
 */
export function assertSameOrigin(request: Request): void {
  if (SAFE_METHODS.has(request.method)) return;
  const source = request.headers.get("origin") ?? request.headers.get("referer");
  const allowed = new Set([new URL(request.url).origin]);
  if (env.NEXTAUTH_URL) allowed.add(new URL(env.NEXTAUTH_URL).origin);
  const host = request.headers.get("host");
  if (host) allowed.add(`${new URL(request.url).protocol}//${host}`);
  let origin: string | null = null;
  try {
    origin = source ? new URL(source).origin : null;
  } catch {
    origin = null;
  }
  if (!origin || !allowed.has(origin)) throw new ApiError("FORBIDDEN", "Cross-origin request refused");
}
