// The audit log's actions and response types, importable by client components (no server code).

/** Every action the audit log records, with how Settings → Audit log names it. */
export const AUDIT_ACTIONS = {
  "workspace.created": "Workspace created",
  "workspace.renamed": "Workspace renamed",
  "retention.updated": "Retention changed",
  "ownership.transferred": "Ownership transferred",
  "member.invited": "Member invited",
  "invite.resent": "Invite re-sent",
  "invite.revoked": "Invite revoked",
  "member.joined": "Member joined",
  "member.role_changed": "Member's role changed",
  "member.removed": "Member removed",
  "member.left": "Member left",
  "connection.updated": "Jobs API connection changed",
  "inbound_verification.updated": "Inbound verification changed",
  "inbound_secret.revealed": "Inbound secret revealed",
  "inbound_secret.rotated": "Inbound secret rotated",
  "endpoint.created": "Endpoint created",
  "endpoint.updated": "Endpoint changed",
  "endpoint.enabled": "Endpoint enabled",
  "endpoint.disabled": "Endpoint disabled",
  "endpoint.deleted": "Endpoint deleted",
  "endpoint_secret.revealed": "Endpoint secret revealed",
  "endpoint_secret.rotated": "Endpoint secret rotated",
  "api_key.created": "API key created",
  "api_key.revoked": "API key revoked",
  "delivery.resent": "Delivery resent",
  "deliveries.replayed": "Failed deliveries replayed",
  "skipped_events.replayed": "Skipped events replayed",
  "skipped_events.dismissed": "Skipped events dismissed",
} as const;
export type AuditAction = keyof typeof AUDIT_ACTIONS;

export function isAuditAction(value: string): value is AuditAction {
  return Object.hasOwn(AUDIT_ACTIONS, value);
}

export interface AuditEntryView {
  id: string;
  action: AuditAction;
  actor: { id: string | null; email: string };
  target: { type: string; id: string | null; label: string | null } | null;
  /** Small facts of the change (roles from and to, fields changed, a count); never a secret. */
  details: Record<string, unknown> | null;
  createdAt: string;
}

/** GET /api/audit-log */
export interface AuditLogPage {
  data: AuditEntryView[];
  nextCursor: string | null;
}

/** GET /api/audit-log/actors: who appears in the log, for its filter. */
export interface AuditActorList {
  actors: Array<{ id: string; email: string }>;
}
