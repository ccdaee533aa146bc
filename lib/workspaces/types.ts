// Response types of the Settings → Connection routes, importable by client components (no server code).

/** Whether the portal calls the upstream with the saved connection, and if not, why. */
export type UpstreamConnectionStatus = "connected" | "not_configured" | "base_url_not_allowed" | "key_not_for_base_url";

/** GET /api/settings/connection */
export interface ConnectionView {
  workspaceId: string;
  upstreamBaseUrl: string | null;
  upstreamApiKeySet: boolean;
  /** Whether the portal calls the upstream: `base_url_not_allowed` and `key_not_for_base_url` send nothing. */
  upstreamStatus: UpstreamConnectionStatus;
  /** JOBS_API_BASE_URLS: the Jobs APIs this deployment lets a workspace connect to. */
  allowedBaseUrls: string[];
  /** Where the upstream sends its webhooks. */
  inboundWebhookUrl: string;
  /** While set, events signed with the secret before the last rotation are still accepted. */
  previousInboundSecretExpiresAt: string | null;
}

export type ConnectionCheckResult =
  | "accepted"
  | "refused"
  | "unreachable"
  | "unexpected"
  | "not_configured"
  | "not_allowed";

/** POST /api/settings/connection/test: what the upstream made of the saved key. */
export interface ConnectionCheck {
  result: ConnectionCheckResult;
  message: string;
  /** The upstream's HTTP status, when it answered. */
  httpStatus?: number;
}

/** POST /api/settings/inbound-secret/rotate */
export interface RotatedInboundSecret {
  previousSecretExpiresAt: string;
}

// Workspaces of a user (the sidebar's switcher, POST /api/workspaces), importable by client components.

/** One of the signed-in user's workspaces, with their role in it. */
export interface WorkspaceSummary {
  id: string;
  name: string;
  role: "owner" | "admin" | "developer" | "viewer";
}

/** POST /api/workspaces, PATCH /api/workspace */
export interface WorkspaceView {
  workspace: { id: string; name: string };
}
