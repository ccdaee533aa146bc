import { type Mail, renderMail } from "@/lib/email/mail";

// The words of an alert, alone or in a digest, for email and for a Slack-compatible webhook
// (`{"text"}` with Slack's <url|label> links, which Mattermost and Rocket.Chat read too).
export interface AlertContent {
  title: string;
  detail: string;
  url: string;
}

export function alertMail(alert: AlertContent): Mail {
  return renderMail({
    subject: `[Jobs Portal] ${alert.title}`,
    intro: [alert.title, alert.detail],
    action: { label: "Open in the portal", url: alert.url },
  });
}

export function digestMail(alerts: AlertContent[]): Mail {
  return renderMail({
    subject: `[Jobs Portal] ${alerts.length} alerts`,
    intro: [
      `${alerts.length} alerts fired in the last minutes:`,
      ...alerts.map((alert) => `• ${alert.title} — ${alert.detail} ${alert.url}`),
    ],
    outro: ["More than 5 alerts in 10 minutes are sent together as one digest."],
  });
}

/** Slack escapes only these three in text. */
const slackEscape = (text: string) => text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

export function alertSlackText(alert: AlertContent): string {
  return `*${slackEscape(alert.title)}*\n${slackEscape(alert.detail)}\n<${alert.url}|Open in the portal>`;
}

export function digestSlackText(alerts: AlertContent[]): string {
  return [
    `*${alerts.length} alerts*`,
    ...alerts.map((alert) => `• <${alert.url}|${slackEscape(alert.title)}> — ${slackEscape(alert.detail)}`),
  ].join("\n");
}
