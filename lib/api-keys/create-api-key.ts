import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { displayPrefix, generateApiKey, hashApiKey } from "@/lib/crypto/api-key";
import { prisma } from "@/lib/db/client";
import type { CreateApiKeyInput } from "./schemas";
import { apiKeySelect, serializeApiKey } from "./serialize-api-key";
import type { CreatedApiKey } from "./types";

/**
 * A new key for the workspace, recorded as its creator's (a developer may revoke only their own).
 * Only its hash is stored, so the returned key is shown once. Audited with the insert.
 */
export async function createApiKey(
  workspaceId: string,
  input: CreateApiKeyInput,
  actor: AuditActor,
): Promise<CreatedApiKey> {
  const key = generateApiKey();
  const row = await prisma.$transaction(async (tx) => {
    const created = await tx.apiKey.create({
      data: {
        workspaceId,
        name: input.name,
        prefix: displayPrefix(key),
        hashedKey: hashApiKey(key),
        createdById: actor.userId,
      },
      select: apiKeySelect,
    });
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "api_key.created",
      target: { type: "api_key", id: created.id, label: `${created.name} (${created.prefix}…)` },
    });
    return created;
  });
  return { apiKey: serializeApiKey(row), key };
}
