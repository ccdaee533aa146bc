import { replaceSecret } from "@/lib/crypto/replace-secret";
import type { Prisma } from "@/lib/db/generated/client";
import { ApiError } from "@/lib/http/api-error";

/** A workspace's inbound verification: its profile and its sealed secrets (omitted from every other query). */
export const inboundSelect = {
  inboundSecretEnc: true,
  previousInboundSecretEnc: true,
  previousInboundSecretExpiresAt: true,
  inboundVerification: true,
  inboundVerificationConfig: true,
} satisfies Prisma.WorkspaceSelect;

export type LockedInbound = Prisma.WorkspaceGetPayload<{ select: typeof inboundSelect }>;

/**
 * The workspace's inbound columns, its row locked until the transaction ends: two changes at once
 * (a rotation and a paste) queue, so neither loses the other's secret.
 */
export async function lockInbound(tx: Prisma.TransactionClient, workspaceId: string): Promise<LockedInbound> {
  const locked = await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
  if (locked === 0) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  return tx.workspace.findUniqueOrThrow({ where: { id: workspaceId }, select: inboundSelect });
}

/**
 * The workspace's columns that make `secret` the inbound secret (lib/crypto/replace-secret.ts):
 * with `overlap` the replaced one keeps verifying for the grace period; without — a change of
 * profile, where the old secret belonged to another scheme — nothing of it is kept.
 */
export function replaceInboundSecret(locked: LockedInbound, secret: string, overlap: boolean, now: Date) {
  const sealed = replaceSecret(locked.inboundSecretEnc, secret, { now, overlap });
  return {
    inboundSecretEnc: sealed.secretEnc,
    previousInboundSecretEnc: sealed.previousSecretEnc,
    previousInboundSecretExpiresAt: sealed.previousSecretExpiresAt,
  };
}
