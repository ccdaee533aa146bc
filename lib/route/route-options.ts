import type { Scope } from "@/lib/auth/roles";
import { DEFAULT_JSON_MAX_BODY_BYTES } from "@/lib/http/body-limits";

// The policy of a route, given to its wrapper on the export line:
//   export const POST = withSessionRoute(handler, { scope: "endpoints.write", body: { maxBytes: 16 * 1024 } })
// Each wrapper extends RouteOptions with what only its callers have (a session route's scope, a
// public route's rate limit).
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

/** Who may call a route, as its wrapper enforces it; readable from the exported handler (route-policies.int.test.ts). */
export type RoutePolicy =
  /** A signed-in member whose role has `scope` (lib/auth/roles.ts). */
  | { caller: "member"; scope: Scope }
  /** A signed-in user, whatever their workspaces: their account, creating a workspace, accepting an invite. */
  | { caller: "user" }
  /** An API client with a portal API key (Bearer). */
  | { caller: "api-key" }
  /** The Jobs API, verified under the workspace's inbound profile. */
  | { caller: "upstream" }
  /** The operator's monitoring (Prometheus), with METRICS_TOKEN as a Bearer token. */
  | { caller: "operator" }
  /** Anyone: signed-out pages' routes, next-auth's own, health, CORS preflights, the OpenAPI document. */
  | { caller: "anyone" };

const POLICY = Symbol.for("jobs-portal.route-policy");

/** Marks an exported handler with the policy its wrapper enforces. */
export function withPolicy<Handler extends (...args: never[]) => unknown>(
  handler: Handler,
  policy: RoutePolicy,
): Handler {
  Object.defineProperty(handler, POLICY, { value: policy, enumerable: false });
  return handler;
}

export function policyOf(handler: unknown): RoutePolicy | undefined {
  return typeof handler === "function"
    ? (handler as unknown as Record<symbol, RoutePolicy | undefined>)[POLICY]
    : undefined;
}

/** Answers are private and fresh unless a route says otherwise: no shared cache keeps them. */
export function noStoreByDefault(response: Response): Response {
  if (!response.headers.has("cache-control")) response.headers.set("cache-control", "no-store");
  return response;
}
