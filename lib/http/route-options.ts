import { DEFAULT_JSON_MAX_BODY_BYTES } from "@/lib/http/body-limits";

// The policy of a route, given to its wrapper on the export line:
//   export const POST = withSessionRoute(handler, { body: { maxBytes: 16 * 1024 } })
// Wrappers extend this with what only their callers have (a session route's role, later).
export interface BodyPolicy {
  /** Largest request body accepted; beyond it 413, before more is read. */
  maxBytes: number;
}

export interface RouteOptions {
  /** Default: 64 KiB, enough for any JSON body of the portal's own. */
  body?: BodyPolicy;
}

export function maxBodyBytes(options: RouteOptions): number {
  return options.body?.maxBytes ?? DEFAULT_JSON_MAX_BODY_BYTES;
}
