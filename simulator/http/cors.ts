import type { ServerResponse } from "node:http";

// The vendor's API and its presigned file links answer browsers the way a public API and S3 do:
// any origin, bearer keys in Authorization (never cookies, so no credentials), and preflights.
// The Jobs API documentation's JavaScript example is browser code; without these headers it
// cannot run from a page.
const ALLOW_METHODS = "GET, HEAD, POST, OPTIONS";
const ALLOW_HEADERS = "Authorization, Content-Type, Range";
const EXPOSE_HEADERS = "Content-Length, Content-Range, Content-Disposition, Retry-After, WWW-Authenticate";
const PREFLIGHT_MAX_AGE_SECONDS = "600";

export function setCorsHeaders(res: ServerResponse): void {
  res.setHeader("access-control-allow-origin", "*");
  res.setHeader("access-control-expose-headers", EXPOSE_HEADERS);
}

/** The answer to a preflight (OPTIONS with Access-Control-Request-Method). */
export function sendPreflight(res: ServerResponse): void {
  setCorsHeaders(res);
  res.writeHead(204, {
    "access-control-allow-methods": ALLOW_METHODS,
    "access-control-allow-headers": ALLOW_HEADERS,
    "access-control-max-age": PREFLIGHT_MAX_AGE_SECONDS,
    "content-length": 0,
  });
  res.end();
}
