import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { type EndpointRow, endpointSelect } from "./serialize-endpoint";

export const ENDPOINT_NOT_FOUND = "Webhook endpoint not found";

/** A workspace's endpoint row; none (or another workspace's) is a 404. */
export async function getEndpointOrThrow(workspaceId: string, endpointId: string): Promise<EndpointRow> {
  const endpoint = await prisma.webhookEndpoint.findFirst({
    where: { id: endpointId, workspaceId },
    select: endpointSelect,
  });
  if (!endpoint) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
  return endpoint;
}
