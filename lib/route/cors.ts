import { withPolicy } from "./route-options";

// CORS for the portal's /v1 API, as a public API answers it: any origin may call it from a browser
// (the Jobs API documentation's JavaScript example is browser code), with a bearer key in
// Authorization. No credentials are allowed, so a browser never attaches the portal's session
// cookie — and /v1 reads only the Authorization header anyway. Session routes under /api get none of this: they
// stay same-origin (assertSameOrigin).
const ALLOW_METHODS = "GET, POST, OPTIONS";
const ALLOW_HEADERS = "Authorization, Content-Type";
const EXPOSE_HEADERS = "Retry-After, WWW-Authenticate";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

/** Marks a /v1 answer readable by any origin. */
export function applyPublicCors(headers: Headers): void {
  headers.set("access-control-allow-origin", "*");
  headers.set("access-control-expose-headers", EXPOSE_HEADERS);
}

/** OPTIONS /v1/… — the preflight a browser sends before a POST with JSON or an Authorization header. */
export const answerCorsPreflight = withPolicy(
  async (): Promise<Response> => {
    const response = new Response(null, {
      status: 204,
      headers: {
        "access-control-allow-methods": ALLOW_METHODS,
        "access-control-allow-headers": ALLOW_HEADERS,
        "access-control-max-age": PREFLIGHT_MAX_AGE_SECONDS,
      },
    });
    applyPublicCors(response.headers);
    return response;
  },
  { caller: "anyone" },
);
