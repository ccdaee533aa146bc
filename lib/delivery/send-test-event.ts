import "server-only";
import { randomBytes } from "node:crypto";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { getJobOrThrow } from "@/lib/jobs/get-job-or-throw";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import { defaultAddressPolicy } from "@/lib/ssrf/default-address-policy";
import { buildTestPayload, type TestJob } from "./build-test-payload";
import { openEndpointSecrets } from "./open-endpoint-secrets";
import { DEFAULT_TIMEOUT_MS, postWebhook } from "./post-webhook";
import type { TestEventInput } from "./schemas";
import { requestFreshLinks } from "./send-delivery";
import { signWebhook } from "./sign-webhook";
import type { TestEventResult } from "./types";

// "Send test event" in Settings: a signed event of the chosen type sent now — about a sample job, or
// about one of the workspace's jobs (a completed one with its fresh links) — through the same
// signer, SSRF guard and HTTP client as real deliveries, answered with how the receiver replied.
// No delivery row and no effect on the endpoint's health: it is a probe, not an event. Its
// webhook-id (msg_test_…) is one no real event has, so a receiver can tell.
export interface TestEventOptions {
  policy?: AddressPolicy;
  timeoutMs?: number;
}

async function testJob(
  workspaceId: string,
  jobId: string | undefined,
): Promise<(TestJob & { completed: boolean }) | null> {
  if (jobId === undefined) return null;
  const row = await getJobOrThrow(workspaceId, jobId);
  return {
    completed: row.state === "completed",
    id: row.upstreamJobId,
    apiProduct: row.apiProduct,
    status: row.status,
    duration: row.duration,
    cost: row.cost === null ? null : Number(row.cost.toString()),
    wordCount: row.wordCount,
  };
}

export async function sendTestEvent(
  workspaceId: string,
  endpointId: string,
  input: TestEventInput = { eventType: "job.completed" },
  options: TestEventOptions = {},
): Promise<TestEventResult> {
  const endpoint = await prisma.webhookEndpoint.findFirst({
    where: { id: endpointId, workspaceId },
    select: { url: true, secretEnc: true, previousSecretEnc: true, previousSecretExpiresAt: true },
  });
  if (!endpoint) throw new ApiError("RESOURCE_NOT_FOUND", "Webhook endpoint not found");
  const job = await testJob(workspaceId, input.jobId);
  // A completed job's job.completed carries its real files, as its real delivery did; links for an
  // unfinished job do not exist, so it gets sample ones.
  const outputs =
    input.eventType === "job.completed" && job?.completed ? await requestFreshLinks(workspaceId, job.id) : null;
  const now = new Date();
  const rotating =
    endpoint.previousSecretEnc && endpoint.previousSecretExpiresAt && endpoint.previousSecretExpiresAt > now;
  const secrets = openEndpointSecrets(endpoint.secretEnc, rotating ? endpoint.previousSecretEnc : null);
  const body = buildTestPayload({
    eventType: input.eventType,
    now,
    job,
    outputs,
    sampleJobId: `job_test_${randomBytes(6).toString("hex")}`,
  });
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
