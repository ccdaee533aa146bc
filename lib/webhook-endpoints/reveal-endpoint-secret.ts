import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { open } from "@/lib/crypto/secret-box";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";

/**
 * The endpoint's current `whsec_` signing secret, unsealed for an owner or admin to copy. The
 * reveal is in the audit log before the secret leaves: no entry, no secret.
 */
export async function revealEndpointSecret(
  workspaceId: string,
  endpointId: string,
  actor: AuditActor,
): Promise<{ secret: string }> {
  return prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: endpointId, workspaceId },
      select: { url: true, secretEnc: true },
    });
    if (!endpoint) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "endpoint_secret.revealed",
      target: { type: "endpoint", id: endpointId, label: endpoint.url },
    });
    return { secret: open(endpoint.secretEnc) };
  });
}
