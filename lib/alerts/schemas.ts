import { z } from "zod";
import { ALERT_KINDS } from "./types";

/** PUT /api/alerts/config, and the Alerts form. An empty Slack URL removes it; leaving it out keeps it. */
export const alertConfigSchema = z.object({
  kinds: z
    .array(z.enum(ALERT_KINDS))
    .max(ALERT_KINDS.length)
    .transform((kinds) => [...new Set(kinds)]),
  emails: z
    .array(z.email({ error: "Enter email addresses such as ops@example.com" }).max(254))
    .max(10, { error: "At most 10 recipients" })
    .transform((emails) => [...new Set(emails.map((email) => email.toLowerCase()))]),
  slackUrl: z
    .union([
      z.literal(""),
      z.url({ protocol: /^https?$/, error: "Enter the incoming-webhook URL (https://hooks.slack.com/…)" }).max(2048),
    ])
    .optional(),
  silentHours: z.coerce
    .number()
    .int()
    .min(1, { error: "At least 1 hour" })
    .max(168, { error: "At most 168 hours (a week)" }),
});
export type AlertConfigInput = z.output<typeof alertConfigSchema>;
