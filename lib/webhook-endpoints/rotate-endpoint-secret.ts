import "server-only";
import { prisma } from "@/lib/db/client";
import { seal } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { ApiError } from "@/lib/http/api-error";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";
import type { RotatedEndpointSecret } from "./types";

/** How long the replaced secret keeps signing beside the new one. */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

/**
 * A fresh signing secret. For 24 hours the worker signs every delivery with both (Standard
 * Webhooks' space-separated signatures), so receivers can switch to the new secret at their own
 * pace without rejecting a single event. A previous secret from an earlier rotation is dropped.
 */
export async function rotateEndpointSecret(workspaceId: string, endpointId: string, now = new Date()): Promise<RotatedEndpointSecret> {
  const expiresAt = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
  return prisma.$transaction(async (tx) => {
    // The row lock queues simultaneous rotations, so neither loses the secret the other replaced.
    const rows = await tx.$queryRaw<Array<{ secretEnc: string }>>`
      SELECT "secretEnc" FROM "WebhookEndpoint" WHERE "id" = ${endpointId} AND "workspaceId" = ${workspaceId} FOR UPDATE`;
    const current = rows[0];
    if (!current) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
    await tx.webhookEndpoint.updateMany({
      where: { id: endpointId, workspaceId },
      data: { secretEnc: seal(generateWebhookSecret()), previousSecretEnc: current.secretEnc, previousSecretExpiresAt: expiresAt },
    });
    return { previousSecretExpiresAt: expiresAt.toISOString() };
  });
}
