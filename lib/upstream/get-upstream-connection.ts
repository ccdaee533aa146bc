import { prisma } from "@/lib/db/client";
import { open } from "@/lib/crypto/secret-box";

export interface UpstreamConnection {
  baseUrl: string;
  apiKey: string;
}

/** The workspace's Jobs API base URL and decrypted key, or null while Settings has not set both. */
export async function getUpstreamConnection(workspaceId: string): Promise<UpstreamConnection | null> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    // The client omits secret columns by default; this is the one place that needs the key.
    omit: { upstreamApiKeyEnc: false },
  });
  if (!workspace?.upstreamBaseUrl || !workspace.upstreamApiKeyEnc) return null;
  return { baseUrl: workspace.upstreamBaseUrl, apiKey: open(workspace.upstreamApiKeyEnc) };
}
