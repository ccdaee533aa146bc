import { ApiError, errorResponse } from "@/lib/http/api-error";
import { getMembership, type Membership } from "@/lib/auth/session";
import { env } from "@/lib/env";

export interface SessionRouteContext<Params> {
  request: Request;
  membership: Membership;
  params: Params;
}

type Handler<Params> = (context: SessionRouteContext<Params>) => Promise<Response>;

const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

/**
 * next-auth's CSRF token covers only its own routes, so our mutating routes require the request's
 * Origin (or, failing that, Referer) to be this portal's.
 */
function assertSameOrigin(request: Request): void {
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

/** The one wrapper for session routes: origin check, membership, error mapping. */
export function withSessionRoute<Params = Record<string, never>>(handler: Handler<Params>) {
  return async (request: Request, context: { params: Promise<Params> }): Promise<Response> => {
    try {
      assertSameOrigin(request);
      const membership = await getMembership();
      if (!membership) throw new ApiError("UNAUTHORIZED", "Sign in to continue");
      return await handler({ request, membership, params: await context.params });
    } catch (error) {
      return errorResponse(error);
    }
  };
}
