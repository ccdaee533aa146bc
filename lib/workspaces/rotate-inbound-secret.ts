import { prisma } from "@/lib/db/client";
import { seal } from "@/lib/crypto/secret-box";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { ApiError } from "@/lib/http/api-error";

/** How long the replaced secret still verifies events (lib/ingest accepts it until then). */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export interface RotatedInboundSecret {
  previousSecretExpiresAt: string;
}

/**
 * A fresh current secret; the old one becomes the previous secret for 24 hours, so events the
 * upstream signs before it is reconfigured still verify. A previous secret from an earlier
 * rotation is dropped: the ingest keeps one.
 */
export async function rotateInboundSecret(workspaceId: string, now = new Date()): Promise<RotatedInboundSecret> {
  const expiresAt = new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS);
  return prisma.$transaction(async (tx) => {
    // The row lock makes two simultaneous rotations queue, so neither loses the other's secret.
    const locked = await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
    if (locked === 0) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
    const current = await tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: { inboundSecretEnc: true } });
    await tx.workspace.update({
      where: { id: workspaceId },
      data: {
        inboundSecretEnc: seal(generateWebhookSecret()),
        previousInboundSecretEnc: current.inboundSecretEnc,
        previousInboundSecretExpiresAt: expiresAt,
      },
      select: { id: true },
    });
    return { previousSecretExpiresAt: expiresAt.toISOString() };
  });
}
