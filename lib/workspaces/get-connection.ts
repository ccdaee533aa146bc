import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { allowedJobsApiBaseUrls } from "@/lib/upstream/allowed-base-urls";
import { connectionStateOf } from "@/lib/upstream/get-upstream-connection";
import type { ConnectionView } from "./types";

// Server importers keep naming the type from here; client code imports it from ./types.
export type { ConnectionView };

/** What Settings shows about the workspace's connections. The keys themselves never leave the server. */
export async function getConnection(
  workspaceId: string,
  publicOrigin: string,
  now = new Date(),
): Promise<ConnectionView> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    // The ciphertext is selected only to answer "is a key set, and for this URL"; it is not returned.
    select: { id: true, upstreamBaseUrl: true, upstreamApiKeyEnc: true, previousInboundSecretExpiresAt: true },
  });
  if (!workspace) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  const previousExpiresAt = workspace.previousInboundSecretExpiresAt;
  return {
    workspaceId: workspace.id,
    upstreamBaseUrl: workspace.upstreamBaseUrl,
    upstreamApiKeySet: Boolean(workspace.upstreamApiKeyEnc),
    upstreamStatus: connectionStateOf(workspace).status,
    allowedBaseUrls: allowedJobsApiBaseUrls(),
    inboundWebhookUrl: `${publicOrigin}/api/webhooks/${encodeURIComponent(workspace.id)}`,
    previousInboundSecretExpiresAt:
      previousExpiresAt && previousExpiresAt > now ? previousExpiresAt.toISOString() : null,
  };
}
