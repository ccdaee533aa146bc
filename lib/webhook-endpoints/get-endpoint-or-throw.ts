import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { endpointSelect, type EndpointRow } from "./serialize-endpoint";

export const ENDPOINT_NOT_FOUND = "Webhook endpoint not found";

/** A workspace's endpoint; another workspace's endpoint is indistinguishable from none. */
export function findEndpointRow(workspaceId: string, endpointId: string): Promise<EndpointRow | null> {
  return prisma.webhookEndpoint.findFirst({ where: { id: endpointId, workspaceId }, select: endpointSelect });
}

export async function getEndpointOrThrow(workspaceId: string, endpointId: string): Promise<EndpointRow> {
  const endpoint = await findEndpointRow(workspaceId, endpointId);
  if (!endpoint) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
  return endpoint;
}
