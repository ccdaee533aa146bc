import { prisma } from "@/lib/db/client";
import { seal } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/api-error";
import type { ConnectionInput } from "./schemas";

/** Saves the upstream base URL and, when given, a new API key — sealed before it is stored. */
export async function updateConnection(workspaceId: string, input: Pick<ConnectionInput, "baseUrl"> & { apiKey?: string }): Promise<void> {
  const updated = await prisma.workspace.updateMany({
    where: { id: workspaceId },
    data: {
      upstreamBaseUrl: input.baseUrl,
      ...(input.apiKey ? { upstreamApiKeyEnc: seal(input.apiKey) } : {}),
    },
  });
  if (updated.count === 0) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
}
