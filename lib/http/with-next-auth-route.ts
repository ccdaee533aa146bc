import { NextRequest } from "next/server";
import { ApiError, errorResponse } from "@/lib/http/api-error";
import { readCappedRequest } from "@/lib/http/limit-request-body";
import { NEXT_AUTH_MAX_BODY_BYTES } from "@/lib/http/body-limits";
import type { RouteOptions } from "@/lib/http/route-options";

type NextAuthHandler<Context> = (request: NextRequest, context: Context) => Promise<Response>;

/**
 * The wrapper of next-auth's own handler (/api/auth/*), which reads its forms whole: the body is
 * read here under its cap (default 16 KiB, 413 beyond) and handed on as a request of known size.
 * Everything else is next-auth's: its CSRF token, its errors, its redirects.
 */
export function withNextAuthRoute<Context>(handler: NextAuthHandler<Context>, options: RouteOptions = {}) {
  return async (request: NextRequest, context: Context): Promise<Response> => {
    let capped: Request;
    try {
      capped = await readCappedRequest(request, options.body?.maxBytes ?? NEXT_AUTH_MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      throw error;
    }
    return handler(new NextRequest(capped), context);
  };
}
