import { seal } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { JOB_EVENTS } from "@/lib/workflow/workflows";

// Integration-test support: an endpoint row written directly (the settings engineer owns the CRUD).
export interface TestEndpoint {
  id: string;
  secret: string;
  previousSecret: string | null;
}

export async function createTestEndpoint(
  workspaceId: string,
  url: string,
  options: { eventTypes?: string[]; enabled?: boolean; previousSecret?: string; previousSecretExpiresAt?: Date } = {},
): Promise<TestEndpoint> {
  const secret = generateWebhookSecret();
  const endpoint = await prisma.webhookEndpoint.create({
    data: {
      workspaceId,
      url,
      eventTypes: options.eventTypes ?? [...JOB_EVENTS],
      enabled: options.enabled ?? true,
      secretEnc: seal(secret),
      previousSecretEnc: options.previousSecret ? seal(options.previousSecret) : null,
      previousSecretExpiresAt: options.previousSecretExpiresAt ?? null,
    },
    select: { id: true },
  });
  return { id: endpoint.id, secret, previousSecret: options.previousSecret ?? null };
}
