// Response types of the alert routes and the Alerts page, importable by client components.
export const ALERT_KINDS = [
  "job_failed",
  "job_stuck",
  "endpoint_disabled",
  "upstream_silent",
  "download_failing",
] as const;
export type AlertKind = (typeof ALERT_KINDS)[number];

/**
 * download_failing fires at this many upstream failures in a row, whoever met them: one is a blip
 * a retry absorbs; three with no success between (a page's preview loads one link, a delivery
 * retries after 5 s and 5 min) mean the Jobs API is failing this workspace, not one request.
 */
export const DOWNLOAD_FAILURES_TO_ALERT = 3;

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
