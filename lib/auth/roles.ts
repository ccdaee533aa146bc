import { ApiError } from "@/lib/http/api-error";

// What each role may do, in one table (dub's roleScopesMapping). A session route names the scope
// it needs on its export line (`withSessionRoute(handler, { scope: "endpoints.write" })`) and pages
// ask `hasScope` before offering a control; neither names roles. A new role is a new row here, a
// new power a new scope; lib/route/route-policies.int.test.ts tries every session route as every
// role of this table.
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
  /** Create API keys, and revoke the keys one created oneself. */
  "apiKeys.write",
  /** Revoke anyone's API key. */
  "apiKeys.manage",
  /** The Jobs API connection and inbound verification settings, refused requests, the connection check. */
  "connection.read",
  /** Change the Jobs API connection and how inbound requests are verified. */
  "connection.write",
  /** Reveal signing secrets; signature diagnostics; test a request against the secret. */
  "secrets.read",
  /** Rotate signing secrets. */
  "secrets.write",
  /** The workspace's members, and leaving it. */
  "members.read",
  /** Invite, re-role and remove members below the owner; pending invites. */
  "members.write",
  /** Settings → Audit log. */
  "audit.read",
  /** Rename the workspace. */
  "workspace.write",
  /** Delete the workspace and everything in it. */
  "workspace.delete",
  /** Hand the workspace's ownership to another member. */
  "workspace.transfer",
  /** Alert rules and their history. */
  "alerts.read",
  /** Change alert rules and where alerts go. */
  "alerts.write",
  /** How long the workspace keeps events, deliveries and attempts (Settings → Retention). */
  "retention.write",
] as const;
export type Scope = (typeof SCOPES)[number];

/** The roles from most to least powerful (the order lists and the 403 message use). */
export const ROLES = ["owner", "admin", "developer", "viewer"] as const;
export type Role = (typeof ROLES)[number];

const VIEWER: readonly Scope[] = ["jobs.read", "deliveries.read", "members.read", "alerts.read"];
const DEVELOPER: readonly Scope[] = [...VIEWER, "deliveries.write", "endpoints.read", "apiKeys.read", "apiKeys.write"];
const OWNER_ONLY: readonly Scope[] = ["workspace.delete", "workspace.transfer"];

export const ROLE_SCOPES: Record<Role, readonly Scope[]> = {
  // Everything, and the two acts that end or hand over the workspace.
  owner: SCOPES,
  // Everything but those: endpoints, the connection, secrets, members below the owner, the audit log, alert rules, retention.
  admin: SCOPES.filter((scope) => !OWNER_ONLY.includes(scope)),
  // A viewer's reads, plus resend/replay, test events and API keys of their own.
  developer: DEVELOPER,
  // Jobs, timelines, outputs, delivery logs and alerts; changes nothing and sees no secret.
  viewer: VIEWER,
};

export const ROLE_LABELS: Record<Role, string> = {
  owner: "Owner",
  admin: "Admin",
  developer: "Developer",
  viewer: "Viewer",
};

/** What each role is for, in a sentence (the invite and role pickers show it). */
export const ROLE_DESCRIPTIONS: Record<Role, string> = {
  owner: "Everything, including deleting the workspace and handing it over.",
  admin:
    "Endpoints, the Jobs API connection, secrets, members, alert rules, the audit log and how long history is kept.",
  developer: "Reads jobs and deliveries, resends and replays them, sends test events, and has API keys of their own.",
  viewer: "Reads jobs, timelines, outputs and delivery logs. Changes nothing and sees no secret.",
};

const PLURAL: Record<Role, string> = { owner: "owners", admin: "admins", developer: "developers", viewer: "viewers" };

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function hasScope(role: Role, scope: Scope): boolean {
  return ROLE_SCOPES[role].includes(scope);
}

/** "owners, admins and developers": who may, for messages. */
export function describeWhoMay(scope: Scope): string {
  const names = ROLES.filter((role) => hasScope(role, scope)).map((role) => PLURAL[role]);
  return names.length > 1 ? `${names.slice(0, -1).join(", ")} and ${names.at(-1)}` : (names[0] ?? "nobody");
}

/** 403 in the error envelope, naming who may: "Only workspace owners and admins can do this". */
export function assertScope(membership: { role: Role }, scope: Scope): void {
  if (hasScope(membership.role, scope)) return;
  throw new ApiError("FORBIDDEN", `Only workspace ${describeWhoMay(scope)} can do this`);
}
