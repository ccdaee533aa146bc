import { ApiError } from "@/lib/http/api-error";
import type { Membership } from "./session";

// What each role may do, in one table (dub's roleScopesMapping). A session route names the scope
// it needs on its export line (`withSessionRoute(handler, { scope: "endpoints.write" })`) and pages
// ask `hasScope` before offering a control; neither names roles. New roles (issue #13: developer,
// viewer) are new rows here, and new powers new scopes; no route changes for either.
export const SCOPES = [
  /** Jobs, their events, timelines and outputs (download links), live updates. */
  "jobs.read",
  /** Delivery logs: endpoints' and jobs' deliveries, attempts, what a replay would resend. */
  "deliveries.read",
  /** Resend a delivery, replay failed ones, send a test event. */
  "deliveries.write",
  /** Webhook endpoints and their health, never their secrets. */
  "endpoints.read",
  /** Add, change, enable, disable and delete webhook endpoints. */
  "endpoints.write",
  /** The list of portal API keys, never the keys. */
  "apiKeys.read",
  /** Create and revoke portal API keys. */
  "apiKeys.write",
  /** The Jobs API connection and inbound verification settings, refused requests, the connection check. */
  "connection.read",
  /** Change the Jobs API connection and how inbound requests are verified. */
  "connection.write",
  /** Reveal signing secrets; signature diagnostics; test a request against the secret. */
  "secrets.read",
  /** Rotate signing secrets. */
  "secrets.write",
  /** How long the workspace keeps events, deliveries and attempts (Settings → Retention). */
  "retention.write",
] as const;
export type Scope = (typeof SCOPES)[number];

export type Role = Membership["role"];

const READ_SCOPES = SCOPES.filter((scope) => scope.endsWith(".read") && scope !== "secrets.read");

export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  owner: SCOPES,
  // Everything but deciding how long history is kept: deleting it is the owner's call.
  admin: SCOPES.filter((scope) => scope !== "retention.write"),
  // Reads everything but secrets, changes nothing.
  member: READ_SCOPES,
};

/** Roles in the order the 403 message names them. */
const ROLE_NAMES: Record<Role, string> = { owner: "owners", admin: "admins", member: "members" };

export function hasScope(role: Role, scope: Scope): boolean {
  return ROLE_SCOPES[role].includes(scope);
}

/** 403 in the error envelope, naming who may: "Only workspace owners and admins can do this". */
export function assertScope(membership: Pick<Membership, "role">, scope: Scope): void {
  if (hasScope(membership.role, scope)) return;
  const names = (Object.keys(ROLE_NAMES) as Role[]).filter((role) => hasScope(role, scope)).map((role) => ROLE_NAMES[role]);
  const who = names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "nobody");
  throw new ApiError("FORBIDDEN", `Only workspace ${who} can do this`);
}
