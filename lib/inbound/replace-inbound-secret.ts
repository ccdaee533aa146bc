import type { Prisma } from "@/lib/db/generated/client";
import type { InboundVerification } from "@/lib/db/generated/client";
import { seal } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/api-error";

/** How long a replaced secret still verifies events (the upstream may sign with it until reconfigured). */
export const PREVIOUS_SECRET_GRACE_MS = 24 * 60 * 60 * 1000;

export interface LockedInbound {
  inboundSecretEnc: string;
  previousInboundSecretEnc: string | null;
  previousInboundSecretExpiresAt: Date | null;
  inboundVerification: InboundVerification;
  inboundVerificationConfig: Prisma.JsonValue;
}

/**
 * The workspace's inbound columns, its row locked until the transaction ends: two changes at once
 * (a rotation and a paste) queue, so neither loses the other's secret.
 */
export async function lockInbound(tx: Prisma.TransactionClient, workspaceId: string): Promise<LockedInbound> {
  const locked = await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
  if (locked === 0) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  return tx.workspace.findUniqueOrThrow({
    where: { id: workspaceId },
    select: {
      inboundSecretEnc: true,
      previousInboundSecretEnc: true,
      previousInboundSecretExpiresAt: true,
      inboundVerification: true,
      inboundVerificationConfig: true,
    },
  });
}

/**
 * The columns that make `secret` current. With `overlap`, the replaced one becomes the previous
 * secret for 24 hours (a previous one from an earlier change is dropped: verification keeps one);
 * without, no previous secret is left — for a change of profile, where the old secret belonged
 * to another scheme and must not verify under the new one.
 */
export function secretColumns(locked: LockedInbound, secret: string, overlap: boolean, now: Date) {
  return overlap
    ? {
        inboundSecretEnc: seal(secret),
        previousInboundSecretEnc: locked.inboundSecretEnc,
        previousInboundSecretExpiresAt: new Date(now.getTime() + PREVIOUS_SECRET_GRACE_MS),
      }
    : { inboundSecretEnc: seal(secret), previousInboundSecretEnc: null, previousInboundSecretExpiresAt: null };
}
