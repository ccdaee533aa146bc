import { NextRequest } from "next/server";
import { ApiError } from "@/lib/http/api-error";
import { NEXT_AUTH_MAX_BODY_BYTES } from "@/lib/http/body-limits";
import { readCappedRequest } from "@/lib/http/read-capped-body";
import { errorResponse } from "./error-response";
import { type RouteOptions, withPolicy } from "./route-options";

type NextAuthHandler<Context> = (request: NextRequest, context: Context) => Promise<Response>;

/**
 * The wrapper of next-auth's own handler (/api/auth/*), which reads its forms whole: the body is
 * read here under its cap (default 16 KiB, 413 beyond) and handed on as a request of known size.
 * Everything else is next-auth's: its CSRF token, its errors, its redirects, its cache headers.
 */
export function withNextAuthRoute<Context>(handler: NextAuthHandler<Context>, options: RouteOptions = {}) {
  const route = async (request: NextRequest, context: Context): Promise<Response> => {
    let capped: Request;
    try {
      capped = await readCappedRequest(request, options.body?.maxBytes ?? NEXT_AUTH_MAX_BODY_BYTES);
    } catch (error) {
      if (error instanceof ApiError) return errorResponse(error);
      throw error;
    }
    return handler(new NextRequest(capped), context);
  };
  return withPolicy(route, { caller: "anyone" });
}
