// Response types of the alert routes and the Alerts page, importable by client components.
export const ALERT_KINDS = ["job_failed", "job_stuck", "endpoint_disabled", "upstream_silent"] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

export interface AlertConfigView {
  kinds: AlertKind[];
  emails: string[];
  /** Whether a Slack-compatible webhook URL is set; the URL itself is a credential and never returned. */
  slackConfigured: boolean;
  silentHours: number;
  /** Whether this deployment can send mail (EMAIL_SERVER). */
  emailAvailable: boolean;
}

export interface AlertView {
  id: string;
  kind: AlertKind;
  title: string;
  detail: string;
  /** The page in the workspace, after `/w/{workspaceId}`. */
  path: string;
  status: "pending" | "sending" | "sent" | "failed";
  firedAt: string;
  sentAt: string | null;
  digest: boolean;
  lastError: string | null;
}

/** GET /api/alerts. */
export interface AlertsPage {
  config: AlertConfigView;
  alerts: AlertView[];
}
