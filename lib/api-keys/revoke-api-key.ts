import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import type { ApiKeySummary } from "./types";
import { apiKeySelect, serializeApiKey } from "./serialize-api-key";

/**
 * Revokes a key of the workspace; the next request with it is refused, in every portal process,
 * because authentication reads revokedAt from the database on each request. Revoking twice keeps
 * the first revocation time. Another workspace's key is "not found".
 */
export async function revokeApiKey(workspaceId: string, apiKeyId: string): Promise<ApiKeySummary> {
  await prisma.apiKey.updateMany({
    where: { id: apiKeyId, workspaceId, revokedAt: null },
    data: { revokedAt: new Date() },
  });
  const row = await prisma.apiKey.findFirst({ where: { id: apiKeyId, workspaceId }, select: apiKeySelect });
  if (!row) throw new ApiError("RESOURCE_NOT_FOUND", "API key not found");
  return serializeApiKey(row);
}
