import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";

/** What Settings shows about the workspace's connections. The keys themselves never leave the server. */
export interface ConnectionView {
  workspaceId: string;
  upstreamBaseUrl: string | null;
  upstreamApiKeySet: boolean;
  /** Where the upstream sends its webhooks. */
  inboundWebhookUrl: string;
  /** While set, events signed with the secret before the last rotation are still accepted. */
  previousInboundSecretExpiresAt: string | null;
}

export async function getConnection(workspaceId: string, publicOrigin: string, now = new Date()): Promise<ConnectionView> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    // The ciphertext is selected only to answer "is a key set"; it is not returned.
    select: { id: true, upstreamBaseUrl: true, upstreamApiKeyEnc: true, previousInboundSecretExpiresAt: true },
  });
  if (!workspace) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  const previousExpiresAt = workspace.previousInboundSecretExpiresAt;
  return {
    workspaceId: workspace.id,
    upstreamBaseUrl: workspace.upstreamBaseUrl,
    upstreamApiKeySet: Boolean(workspace.upstreamApiKeyEnc),
    inboundWebhookUrl: `${publicOrigin}/api/webhooks/${encodeURIComponent(workspace.id)}`,
    previousInboundSecretExpiresAt: previousExpiresAt && previousExpiresAt > now ? previousExpiresAt.toISOString() : null,
  };
}
