import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { buildCurlCommand } from "./build-curl-command";
import { buildDeliveryBody } from "./build-delivery-body";
import { DELIVERY_NOT_FOUND } from "./get-delivery-or-throw";
import { openEndpointSecrets } from "./open-endpoint-secrets";
import { USER_AGENT } from "./post-webhook";
import { requestFreshLinks } from "./send-delivery";
import { signWebhook } from "./sign-webhook";
import type { ReplayCurl } from "./types";

// "Copy as cURL" in the delivery debugger: the delivery as the worker would send it now — the same
// webhook-id and body (a job.completed with fresh links, as every attempt gets), signed now with
// the endpoint's secret(s) — for whoever may see that secret (secrets.read). An attempt's own
// signature is useless for this: receivers refuse a timestamp older than 5 minutes, and its body's
// links were redacted. Nothing is sent and nothing is stored; the command is never logged.
export async function getReplayCurl(workspaceId: string, deliveryId: string, now = new Date()): Promise<ReplayCurl> {
  const delivery = await prisma.webhookDelivery.findFirst({
    where: { id: deliveryId, workspaceId },
    select: {
      messageId: true,
      eventType: true,
      jobEvent: { select: { payload: true } },
      job: { select: { upstreamJobId: true } },
      endpoint: { select: { url: true, secretEnc: true, previousSecretEnc: true, previousSecretExpiresAt: true } },
    },
  });
  if (!delivery) throw new ApiError("RESOURCE_NOT_FOUND", DELIVERY_NOT_FOUND);
  const { endpoint } = delivery;
  const links =
    delivery.eventType === "job.completed" ? await requestFreshLinks(workspaceId, delivery.job.upstreamJobId) : null;
  const body = buildDeliveryBody(delivery.eventType, delivery.jobEvent.payload, links);
  const rotating = endpoint.previousSecretExpiresAt !== null && endpoint.previousSecretExpiresAt > now;
  const signed = signWebhook({
    messageId: delivery.messageId,
    timestampSeconds: Math.floor(now.getTime() / 1000),
    body,
    secrets: openEndpointSecrets(endpoint.secretEnc, rotating ? endpoint.previousSecretEnc : null),
  });
  const headers = { "content-type": "application/json", "user-agent": USER_AGENT, ...signed };
  return {
    command: buildCurlCommand(endpoint.url, headers, body),
    signedAt: new Date(Math.floor(now.getTime() / 1000) * 1000).toISOString(),
  };
}
