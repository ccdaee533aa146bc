// Request body caps. Each route's cap is an option of its wrapper; these are the shared values.

/** JSON bodies of the portal's own routes: settings, sign-up, download requests. */
export const DEFAULT_JSON_MAX_BODY_BYTES = 64 * 1024;

/** next-auth's forms (sign-in, sign-out, email link): a few hundred bytes. */
export const NEXT_AUTH_MAX_BODY_BYTES = 16 * 1024;

/**
 * Inbound webhooks. The upstream's events are a few hundred bytes; 1 MiB leaves room for a translate
 * job with many outputs while keeping one request from holding much memory. Also the portal
 * server's ceiling for every request (lib/server).
 */
export const MAX_WEBHOOK_BODY_BYTES = 1024 * 1024;
