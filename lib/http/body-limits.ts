// Request body caps. Each route's cap is an option of its wrapper; these are the shared values.

/** JSON bodies of the portal's own routes: settings, sign-up, download requests. */
export const DEFAULT_JSON_MAX_BODY_BYTES = 64 * 1024;

/** next-auth's forms (sign-in, sign-out, email link): a few hundred bytes. */
export const NEXT_AUTH_MAX_BODY_BYTES = 16 * 1024;
