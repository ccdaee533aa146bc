import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { replaceSecret } from "@/lib/crypto/replace-secret";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";
import type { RotatedEndpointSecret } from "./types";

/**
 * A fresh signing secret. For the grace period (24 hours) the worker signs every delivery with both (Standard
 * Webhooks' space-separated signatures), so receivers can switch to the new secret at their own
 * pace without rejecting a single event. A previous secret from an earlier rotation is dropped.
 */
export async function rotateEndpointSecret(
  workspaceId: string,
  endpointId: string,
  actor: AuditActor,
  now = new Date(),
): Promise<RotatedEndpointSecret> {
  return prisma.$transaction(async (tx) => {
    // The row lock queues simultaneous rotations, so neither loses the secret the other replaced.
    const rows = await tx.$queryRaw<Array<{ secretEnc: string; url: string }>>`
      SELECT "secretEnc", "url" FROM "WebhookEndpoint" WHERE "id" = ${endpointId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
    const data = replaceSecret(current.secretEnc, generateWebhookSecret(), { now });
    await tx.webhookEndpoint.updateMany({ where: { id: endpointId, workspaceId }, data });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "endpoint_secret.rotated",
      target: { type: "endpoint", id: endpointId, label: current.url },
    });
    return { previousSecretExpiresAt: (data.previousSecretExpiresAt as Date).toISOString() };
  });
}
