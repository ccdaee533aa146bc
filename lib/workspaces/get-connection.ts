import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { allowedJobsApiBaseUrls } from "@/lib/upstream/allowed-base-urls";
import { connectionStateOf, type UpstreamConnectionState } from "@/lib/upstream/get-upstream-connection";

/** What Settings shows about the workspace's connections. The keys themselves never leave the server. */
export interface ConnectionView {
  workspaceId: string;
  upstreamBaseUrl: string | null;
  upstreamApiKeySet: boolean;
  /** Whether the portal calls the upstream: `base_url_not_allowed` and `key_not_for_base_url` send nothing. */
  upstreamStatus: UpstreamConnectionState["status"];
  /** JOBS_API_BASE_URLS: the Jobs APIs this deployment lets a workspace connect to. */
  allowedBaseUrls: string[];
  /** Where the upstream sends its webhooks. */
  inboundWebhookUrl: string;
  /** While set, events signed with the secret before the last rotation are still accepted. */
  previousInboundSecretExpiresAt: string | null;
}

export async function getConnection(workspaceId: string, publicOrigin: string, now = new Date()): Promise<ConnectionView> {
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
    previousInboundSecretExpiresAt: previousExpiresAt && previousExpiresAt > now ? previousExpiresAt.toISOString() : null,
  };
}
