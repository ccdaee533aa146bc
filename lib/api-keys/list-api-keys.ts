import "server-only";
import { prisma } from "@/lib/db/client";
import { apiKeySelect, serializeApiKey } from "./serialize-api-key";
import type { ApiKeySummary } from "./types";

/** The workspace's keys, newest first, revoked ones included (they explain a client's 401s). */
export async function listApiKeys(workspaceId: string): Promise<ApiKeySummary[]> {
  const rows = await prisma.apiKey.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    select: apiKeySelect,
  });
  return rows.map(serializeApiKey);
}
