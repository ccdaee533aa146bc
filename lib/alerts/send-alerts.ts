import "server-only";
import { prisma } from "@/lib/db/client";
import { postWebhook } from "@/lib/delivery/post-webhook";
import type { Mailer } from "@/lib/email/mailer";
import { portalUrl } from "@/lib/email/portal-url";
import { logger } from "@/lib/log/logger";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { openSlackUrl } from "./alert-config";
import { type AlertContent, alertMail, alertSlackText, digestMail, digestSlackText } from "./alert-messages";

// Sends the outbox: claims pending alerts (FOR UPDATE SKIP LOCKED, under a lease, like
// deliveries), sends each workspace's alone or, when more than DIGEST_THRESHOLD fired within
// DIGEST_WINDOW_MS, together as one digest, and marks them sent. Two workers never claim the same
// row; a worker that dies mid-send leaves a lease that runs out, and the row is sent again.
export const DIGEST_THRESHOLD = 5;
export const DIGEST_WINDOW_MS = 10 * 60_000;
const LEASE_MS = 60_000;
const BATCH = 200;

export interface AlertSenders {
  mailer: Mailer | null;
  policy: AddressPolicy;
  resolve?: ResolveHost;
}

interface Claimed {
  id: string;
  workspaceId: string;
  title: string;
  detail: string;
  path: string;
}

async function claim(now: Date, workspaceIds?: readonly string[]): Promise<Claimed[]> {
  return prisma.$queryRaw<Claimed[]>`
    UPDATE "Alert" SET status = 'sending', "leaseExpiresAt" = ${new Date(now.getTime() + LEASE_MS)}
     WHERE id IN (
       SELECT id FROM "Alert"
        WHERE (status = 'pending' OR (status = 'sending' AND "leaseExpiresAt" < ${now}))
          AND (${workspaceIds === undefined} OR "workspaceId" = ANY(${[...(workspaceIds ?? [])]}::text[]))
        ORDER BY "firedAt"
        LIMIT ${BATCH}
        FOR UPDATE SKIP LOCKED)
    RETURNING id, "workspaceId", title, detail, path`;
}

/** Every destination is tried; the alert counts as sent when one took it. */
async function deliver(workspaceId: string, alerts: AlertContent[], senders: AlertSenders): Promise<string | null> {
  const config = await prisma.alertConfig.findUnique({
    where: { workspaceId },
    select: { emails: true, slackUrlEnc: true },
  });
  const errors: string[] = [];
  let delivered = false;
  const digest = alerts.length > 1;
  if (config && config.emails.length > 0) {
    if (!senders.mailer) errors.push("Email is not configured on this portal (EMAIL_SERVER)");
    else {
      const mail = digest ? digestMail(alerts) : alertMail(alerts[0]);
      const results = await Promise.allSettled(config.emails.map((to) => senders.mailer!.send(to, mail)));
      if (results.some((result) => result.status === "fulfilled")) delivered = true;
      if (results.some((result) => result.status === "rejected")) errors.push("An email could not be sent");
    }
  }
  const slackUrl = openSlackUrl(config?.slackUrlEnc ?? null);
  if (slackUrl) {
    const text = digest ? digestSlackText(alerts) : alertSlackText(alerts[0]);
    const result = await postWebhook(slackUrl, {}, JSON.stringify({ text }), {
      policy: senders.policy,
      resolve: senders.resolve,
      timeoutMs: 10_000,
    });
    if (result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300) delivered = true;
    else errors.push(`Chat webhook: ${result.error ?? `HTTP ${result.statusCode}`}`);
  }
  if (!config || (config.emails.length === 0 && !slackUrl)) errors.push("No destination is set");
  return delivered ? null : errors.join("; ");
}

/** Sends what is due; returns how many alerts were handled. */
export async function sendAlerts(
  senders: AlertSenders,
  now = new Date(),
  workspaceIds?: readonly string[],
): Promise<number> {
  const claimed = await claim(now, workspaceIds);
  const byWorkspace = new Map<string, Claimed[]>();
  for (const alert of claimed)
    byWorkspace.set(alert.workspaceId, [...(byWorkspace.get(alert.workspaceId) ?? []), alert]);
  for (const [workspaceId, alerts] of byWorkspace) {
    const recent = await prisma.alert.count({
      where: { workspaceId, firedAt: { gte: new Date(now.getTime() - DIGEST_WINDOW_MS) } },
    });
    const digest = recent > DIGEST_THRESHOLD && alerts.length > 1;
    const groups = digest ? [alerts] : alerts.map((alert) => [alert]);
    for (const group of groups) {
      const content = group.map((alert) => ({
        title: alert.title,
        detail: alert.detail,
        url: portalUrl(`/w/${encodeURIComponent(workspaceId)}${alert.path}`),
      }));
      let error: string | null;
      try {
        error = await deliver(workspaceId, content, senders);
      } catch (cause) {
        logger.error({ workspaceId, error: cause }, "alert not sent");
        error = "The alert could not be sent";
      }
      await prisma.alert.updateMany({
        where: { id: { in: group.map((alert) => alert.id) }, status: "sending" },
        data: error
          ? { status: "failed", lastError: error, leaseExpiresAt: null }
          : { status: "sent", sentAt: new Date(), digest, leaseExpiresAt: null },
      });
    }
  }
  return claimed.length;
}
