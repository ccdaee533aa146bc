import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError, invalidField } from "@/lib/http/api-error";
import { canonicalBaseUrl } from "@/lib/upstream/canonical-base-url";
import { sealUpstreamKey } from "@/lib/upstream/upstream-key";
import { type ConnectionInput, KEY_REQUIRED_FOR_NEW_BASE_URL } from "./schemas";

/**
 * Saves the upstream base URL (already checked against JOBS_API_BASE_URLS) and, when given, a new
 * API key, sealed together with that URL. Without a new key the base URL may not change while a
 * key is stored: the key would follow it to a host it was never entered for. Under a row lock, so
 * a concurrent save cannot slip a URL change past the check. Audited with the change (never the key).
 */
export async function updateConnection(
  workspaceId: string,
  input: Pick<ConnectionInput, "baseUrl"> & { apiKey?: string },
  actor: AuditActor,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const locked = await tx.$executeRaw`SELECT 1 FROM "Workspace" WHERE "id" = ${workspaceId} FOR UPDATE`;
    if (locked === 0) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
    const audit = () =>
      recordAudit(tx, {
        workspaceId,
        actor,
        action: "connection.updated",
        details: { baseUrl: input.baseUrl, apiKeyReplaced: Boolean(input.apiKey) },
      });
    if (input.apiKey) {
      await tx.workspace.update({
        where: { id: workspaceId },
        data: { upstreamBaseUrl: input.baseUrl, upstreamApiKeyEnc: sealUpstreamKey(input.baseUrl, input.apiKey) },
        select: { id: true },
      });
      await audit();
      return;
    }
    const current = await tx.workspace.findUniqueOrThrow({
      where: { id: workspaceId },
      select: { upstreamBaseUrl: true, upstreamApiKeyEnc: true },
    });
    const sameUrl = current.upstreamBaseUrl !== null && canonicalBaseUrl(current.upstreamBaseUrl) === input.baseUrl;
    if (current.upstreamApiKeyEnc && !sameUrl) throw invalidField("apiKey", KEY_REQUIRED_FOR_NEW_BASE_URL);
    await tx.workspace.update({
      where: { id: workspaceId },
      data: { upstreamBaseUrl: input.baseUrl },
      select: { id: true },
    });
    await audit();
  });
}
