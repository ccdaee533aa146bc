import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import { defaultAddressPolicy } from "@/lib/ssrf/default-address-policy";
import { postWebhook, DEFAULT_TIMEOUT_MS } from "./post-webhook";
import { openEndpointSecrets } from "./open-endpoint-secrets";
import { signWebhook } from "./sign-webhook";
import type { TestEventResult } from "./types";

// "Send test event" in Settings: a signed sample job.completed sent now, through the same signer,
// SSRF guard and HTTP client as real deliveries, and answered with how the receiver replied. No
// delivery row and no effect on the endpoint's health: it is a probe, not an event.
/** The Jobs API documentation's payload example, unmistakably a test: job_test_… ids and an example.com link. */
export function buildTestPayload(now: Date): string {
  const jobId = `job_test_${randomBytes(6).toString("hex")}`;
  const expiresAt = new Date(now.getTime() + 3_600_000).toISOString().replace(/\.\d{3}Z$/, "Z");
  return JSON.stringify({
    event: "job.completed",
    timestamp: now.toISOString().replace(/\.\d{3}Z$/, "Z"),
    data: {
      jobId,
      status: "transcribed",
      apiProduct: "transcribe",
      duration: 125.5,
      cost: 2.51,
      outputs: [{ url: `https://example.com/webhook-test/${jobId}/output.srt`, expiresAt, sizeBytes: 12458 }],
    },
  });
}

export async function sendTestEvent(
  workspaceId: string,
  endpointId: string,
  options: { policy?: AddressPolicy; timeoutMs?: number } = {},
): Promise<TestEventResult> {
  const endpoint = await prisma.webhookEndpoint.findFirst({
    where: { id: endpointId, workspaceId },
    select: { url: true, secretEnc: true, previousSecretEnc: true, previousSecretExpiresAt: true },
  });
  if (!endpoint) throw new ApiError("RESOURCE_NOT_FOUND", "Webhook endpoint not found");
  const now = new Date();
  const rotating = endpoint.previousSecretEnc && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  const secrets = openEndpointSecrets(endpoint.secretEnc, rotating ? endpoint.previousSecretEnc : null);
  const body = buildTestPayload(now);
  const headers = signWebhook({
    messageId: `msg_test_${randomBytes(12).toString("hex")}`,
    timestampSeconds: Math.floor(now.getTime() / 1000),
    body,
    secrets,
  });
  const result = await postWebhook(endpoint.url, headers, body, {
    policy: options.policy ?? defaultAddressPolicy(),
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
  });
  const ok = result.statusCode !== null && result.statusCode >= 200 && result.statusCode < 300;
  return {
    statusCode: result.statusCode,
    latencyMs: result.durationMs,
    responseExcerpt: result.responseExcerpt,
    error: result.error ?? (ok ? null : `HTTP ${result.statusCode}`),
  };
}
