// The security headers of every answer. Pages get a Content-Security-Policy with a per-request
// nonce (proxy.ts); everything else — route handlers, static files, the server's own 413s — the
// fixed headers below and a CSP that allows nothing, since JSON and files are never rendered.

export interface SecurityHeaderOptions {
  /** The portal is served over https (NEXTAUTH_URL): browsers are told to keep it that way. */
  https: boolean;
}

export function fixedSecurityHeaders({ https }: SecurityHeaderOptions): Record<string, string> {
  return {
    "x-content-type-options": "nosniff",
    // frame-ancestors in the CSP says the same to current browsers; this is for older ones.
    "x-frame-options": "DENY",
    "referrer-policy": "strict-origin-when-cross-origin",
    ...(https && { "strict-transport-security": "max-age=31536000" }),
  };
}

/** For answers that are not pages: nothing may run, load or frame them. */
export const NON_PAGE_CSP = "default-src 'none'; frame-ancestors 'none'";

/**
 * next-auth's own pages under /api/auth (its error, verify-request and sign-out pages): static
 * HTML with inline styles and a form posting to itself, and no script.
 */
export const NEXT_AUTH_PAGE_CSP =
  "default-src 'none'; style-src 'unsafe-inline'; img-src 'self' https: data:; form-action 'self'; frame-ancestors 'none'";

export interface PageCspOptions extends SecurityHeaderOptions {
  nonce: string;
  /** React's development build needs eval for its debugging aids; production never does. */
  dev: boolean;
  /**
   * Origins the output player may stream from besides https: the Jobs APIs' own (JOBS_API_BASE_URLS),
   * whose presigned links may be http (the simulator's). The portal hands out no other output links.
   */
  mediaOrigins?: readonly string[];
}

/**
 * The pages' policy. Scripts only with this request's nonce (Next.js puts it on its own inline and
 * bundle scripts) and what those load ('strict-dynamic'). Media from presigned links. Styles allow inline: React style
 * attributes and Next's injected styles carry no nonce, and a nonce would switch 'unsafe-inline' off.
 */
export function pageCsp({ nonce, dev, https, mediaOrigins = [] }: PageCspOptions): string {
  return [
    "default-src 'self'",
    // Video and audio previews play straight from presigned links (range requests to S3 or the Jobs API).
    ["media-src 'self' https:", ...mediaOrigins].join(" "),
    `script-src 'self' 'nonce-${nonce}' 'strict-dynamic'${dev ? " 'unsafe-eval'" : ""}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    ...(https ? ["upgrade-insecure-requests"] : []),
  ].join("; ");
}
