import { prisma } from "@/lib/db/client";
import { seal } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { assertUrlAllowed } from "./assert-url-allowed";
import type { CreateEndpointInput } from "./schemas";
import { endpointSelect, serializeEndpoint, type WebhookEndpointView } from "./serialize-endpoint";
import { STATS_WINDOW_HOURS } from "./get-endpoint-stats";

/** A new endpoint with its own sealed `whsec_` signing secret; a refused URL saves nothing. */
export async function createEndpoint(workspaceId: string, input: CreateEndpointInput): Promise<WebhookEndpointView> {
  await assertUrlAllowed(input.url);
  const row = await prisma.webhookEndpoint.create({
    data: {
      workspaceId,
      url: input.url,
      description: input.description,
      eventTypes: input.eventTypes,
      enabled: input.enabled,
      secretEnc: seal(generateWebhookSecret()),
    },
    select: endpointSelect,
  });
  return serializeEndpoint(row, { windowHours: STATS_WINDOW_HOURS, succeeded: 0, failing: 0, inFlight: 0, successRate: null });
}
