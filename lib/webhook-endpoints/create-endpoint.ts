import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { seal } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { assertUrlAllowed } from "./assert-url-allowed";
import { endpointLimitMessage, maxEndpointsPerWorkspace } from "./endpoint-limit";
import { STATS_WINDOW_HOURS } from "./get-endpoint-stats";
import type { CreateEndpointInput } from "./schemas";
import { endpointSelect, serializeEndpoint, type WebhookEndpointView } from "./serialize-endpoint";

/**
 * A new endpoint with its own sealed `whsec_` signing secret; a refused URL saves nothing, and
 * neither does an add beyond the workspace's limit (409, naming it).
 */
export async function createEndpoint(
  workspaceId: string,
  input: CreateEndpointInput,
  actor: AuditActor,
): Promise<WebhookEndpointView> {
  await assertUrlAllowed(input.url);
  const max = maxEndpointsPerWorkspace();
  const row = await prisma.$transaction(async (tx) => {
    // Two adds at once must not both count 19: the workspace row serialises them. NO KEY UPDATE
    // leaves alone the KEY SHARE locks that inserts referencing the workspace take (ingest).
    await tx.$queryRaw`SELECT id FROM "Workspace" WHERE id = ${workspaceId} FOR NO KEY UPDATE`;
    if ((await tx.webhookEndpoint.count({ where: { workspaceId } })) >= max) {
      throw new ApiError("CONFLICT", endpointLimitMessage(max));
    }
    const created = await tx.webhookEndpoint.create({
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
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "endpoint.created",
      target: { type: "endpoint", id: created.id, label: created.url },
      details: { eventTypes: created.eventTypes, enabled: created.enabled },
    });
    return created;
  });
  return serializeEndpoint(row, {
    windowHours: STATS_WINDOW_HOURS,
    succeeded: 0,
    failing: 0,
    inFlight: 0,
    successRate: null,
  });
}
