import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { forgetInboundVerifier } from "@/lib/ingest/inbound-secrets";
import { readStoredProfile } from "./read-stored-profile";
import { lockInbound, secretColumns } from "./replace-inbound-secret";
import { explainUnusableSecret } from "./schemas";

/**
 * Makes a secret pasted from the vendor's Settings the current one, under the workspace's profile.
 * Like a rotation, the replaced secret keeps verifying for 24 hours: the vendor may still sign with
 * it for a while, whichever of the two was changed first.
 */
export async function pasteInboundSecret(workspaceId: string, secret: string, now = new Date()): Promise<{ previousSecretExpiresAt: string }> {
  const result = await prisma.$transaction(async (tx) => {
    const locked = await lockInbound(tx, workspaceId);
    const profile = readStoredProfile(locked.inboundVerification, locked.inboundVerificationConfig);
    const problem = explainUnusableSecret(profile.kind, secret, profile.kind === "hmac" ? profile.secretEncoding : "text");
    if (problem) throw new ApiError("INVALID_REQUEST", `secret: ${problem}`);
    const data = secretColumns(locked, secret, true, now);
    await tx.workspace.update({ where: { id: workspaceId }, data, select: { id: true } });
    return { previousSecretExpiresAt: (data.previousInboundSecretExpiresAt as Date).toISOString() };
  });
  forgetInboundVerifier(workspaceId);
  return result;
}
