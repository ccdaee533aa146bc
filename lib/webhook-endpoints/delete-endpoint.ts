import "server-only";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";

/** Deletes the endpoint with its delivery log (cascade); pending deliveries to it stop with it. */
export async function deleteEndpoint(workspaceId: string, endpointId: string): Promise<void> {
  const deleted = await prisma.webhookEndpoint.deleteMany({ where: { id: endpointId, workspaceId } });
  if (deleted.count === 0) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
}
