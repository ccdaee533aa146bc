import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { readStoredProfile } from "./read-stored-profile";
import type { InboundWebhookView } from "./types";

/** Where the upstream's webhooks go and how they are verified; the URL token stays a placeholder (it is a secret). */
export async function getInboundWebhook(
  workspaceId: string,
  publicOrigin: string,
  now = new Date(),
): Promise<InboundWebhookView> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: {
      id: true,
      inboundVerification: true,
      inboundVerificationConfig: true,
      previousInboundSecretExpiresAt: true,
    },
  });
  if (!workspace) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  const profile = readStoredProfile(workspace.inboundVerification, workspace.inboundVerificationConfig);
  const base = `${publicOrigin}/api/webhooks/${encodeURIComponent(workspace.id)}`;
  const previous = workspace.previousInboundSecretExpiresAt;
  return {
    profile,
    webhookUrl: profile.kind === "url_token" ? `${base}/{token}` : base,
    previousSecretExpiresAt: previous && previous > now ? previous.toISOString() : null,
  };
}
