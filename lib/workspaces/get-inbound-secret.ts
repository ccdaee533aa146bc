import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { open } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";

/**
 * The workspace's current inbound secret (a `whsec_` secret, the vendor's pasted one, or the URL
 * token), unsealed for an owner or admin to copy. The reveal is in the audit log before the
 * secret leaves: no entry, no secret.
 */
export async function getInboundSecret(workspaceId: string, actor: AuditActor): Promise<{ secret: string }> {
  return prisma.$transaction(async (tx) => {
    const workspace = await tx.workspace.findUnique({
      where: { id: workspaceId },
      select: { inboundSecretEnc: true, inboundVerification: true },
    });
    if (!workspace) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "inbound_secret.revealed",
      details: { profile: workspace.inboundVerification },
    });
    return { secret: open(workspace.inboundSecretEnc) };
  });
}
