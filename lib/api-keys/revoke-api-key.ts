import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { apiKeySelect, serializeApiKey } from "./serialize-api-key";
import type { ApiKeySummary } from "./types";

export interface RevokeApiKeyOptions {
  /** Whether the actor may revoke anyone's key (apiKeys.manage); without it, only keys they created. */
  anyKey: boolean;
}

/**
 * Revokes a key of the workspace; the next request with it is refused, in every portal process,
 * because authentication reads revokedAt from the database on each request. Revoking twice keeps
 * the first revocation time (and one audit entry). Another workspace's key is "not found"; someone
 * else's key, for an actor who may revoke only their own, a 403.
 */
export async function revokeApiKey(
  workspaceId: string,
  apiKeyId: string,
  actor: AuditActor,
  options: RevokeApiKeyOptions,
): Promise<ApiKeySummary> {
  const row = await prisma.$transaction(async (tx) => {
    const key = await tx.apiKey.findFirst({
      where: { id: apiKeyId, workspaceId },
      select: { name: true, prefix: true, createdById: true },
    });
    if (!key) throw new ApiError("RESOURCE_NOT_FOUND", "API key not found");
    if (!options.anyKey && key.createdById !== actor.userId)
      throw new ApiError("FORBIDDEN", "You can revoke only the API keys you created");
    const { count } = await tx.apiKey.updateMany({
      where: { id: apiKeyId, workspaceId, revokedAt: null },
      data: { revokedAt: new Date() },
    });
    if (count > 0) {
      await recordAudit(tx, {
        workspaceId,
        actor,
        action: "api_key.revoked",
        target: { type: "api_key", id: apiKeyId, label: `${key.name} (${key.prefix}…)` },
      });
    }
    return tx.apiKey.findFirstOrThrow({ where: { id: apiKeyId, workspaceId }, select: apiKeySelect });
  });
  return serializeApiKey(row);
}
