import "server-only";
import { prisma } from "@/lib/db/client";
import { open } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/api-error";

/** The workspace's current inbound secret (a `whsec_` secret, the vendor's pasted one, or the URL token), unsealed for an owner or admin to copy. */
export async function getInboundSecret(workspaceId: string): Promise<{ secret: string }> {
  const workspace = await prisma.workspace.findUnique({
    where: { id: workspaceId },
    select: { inboundSecretEnc: true },
  });
  if (!workspace) throw new ApiError("RESOURCE_NOT_FOUND", "Workspace not found");
  return { secret: open(workspace.inboundSecretEnc) };
}
