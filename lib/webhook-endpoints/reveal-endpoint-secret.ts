import "server-only";
import { prisma } from "@/lib/db/client";
import { open } from "@/lib/crypto/secret-box";
import { ApiError } from "@/lib/http/api-error";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";

/** The endpoint's current `whsec_` signing secret, unsealed for an owner or admin to copy. */
export async function revealEndpointSecret(workspaceId: string, endpointId: string): Promise<{ secret: string }> {
  const endpoint = await prisma.webhookEndpoint.findFirst({
    where: { id: endpointId, workspaceId },
    select: { secretEnc: true },
  });
  if (!endpoint) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
  return { secret: open(endpoint.secretEnc) };
}
