import "server-only";
import { open, seal } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { isEmailConfigured } from "@/lib/email/mailer";
import { invalidField } from "@/lib/http/api-error";
import { checkWebhookUrl } from "@/lib/ssrf/check-webhook-url";
import type { AlertConfigInput } from "./schemas";
import type { AlertConfigView } from "./types";

const DEFAULT_SILENT_HOURS = 6;

export async function getAlertConfig(workspaceId: string): Promise<AlertConfigView> {
  const row = await prisma.alertConfig.findUnique({
    where: { workspaceId },
    select: { kinds: true, emails: true, slackUrlEnc: true, silentHours: true },
  });
  return {
    kinds: row?.kinds ?? [],
    emails: row?.emails ?? [],
    slackConfigured: Boolean(row?.slackUrlEnc),
    silentHours: row?.silentHours ?? DEFAULT_SILENT_HOURS,
    emailAvailable: isEmailConfigured(),
  };
}

/** Saves the rules; a Slack URL must pass the same address checks as webhook endpoints, and is sealed. */
export async function updateAlertConfig(workspaceId: string, input: AlertConfigInput): Promise<AlertConfigView> {
  let slackUrlEnc: string | null | undefined;
  if (input.slackUrl === "") slackUrlEnc = null;
  else if (input.slackUrl !== undefined) {
    const check = await checkWebhookUrl(input.slackUrl);
    if (!check.ok) throw invalidField("slackUrl", check.reason);
    slackUrlEnc = seal(input.slackUrl);
  }
  const data = {
    kinds: input.kinds,
    emails: input.emails,
    silentHours: input.silentHours,
    ...(slackUrlEnc !== undefined && { slackUrlEnc }),
  };
  await prisma.alertConfig.upsert({ where: { workspaceId }, create: { workspaceId, ...data }, update: data });
  return getAlertConfig(workspaceId);
}

/** The Slack URL in the clear, for the sender only. */
export function openSlackUrl(sealed: string | null): string | null {
  return sealed ? open(sealed) : null;
}
