import "server-only";
import { getMailer } from "@/lib/email/mailer";
import { logger } from "@/lib/log/logger";
import { defaultAddressPolicy } from "@/lib/ssrf/default-address-policy";
import { detectAlerts } from "./detect-alerts";
import { type AlertSenders, sendAlerts } from "./send-alerts";

/** One round of the delivery workers' alert check: find what is due, then send the outbox. */
export async function evaluateAlerts(
  options: { now?: Date; senders?: Partial<AlertSenders>; workspaceIds?: readonly string[] } = {},
): Promise<void> {
  const now = options.now ?? new Date();
  try {
    await detectAlerts(now, options.workspaceIds);
    await sendAlerts(
      { mailer: getMailer(), policy: defaultAddressPolicy(), ...options.senders },
      now,
      options.workspaceIds,
    );
  } catch (error) {
    logger.warn({ error }, "alert check failed");
  }
}
