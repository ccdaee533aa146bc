import "server-only";
import { type AuditActor, recordAudit } from "@/lib/audit/record-audit";
import { prisma } from "@/lib/db/client";
import { ApiError } from "@/lib/http/api-error";
import { ENDPOINT_NOT_FOUND } from "./get-endpoint-or-throw";

/** Deletes the endpoint with its delivery log (cascade); pending deliveries to it stop with it. Audited with the delete. */
export async function deleteEndpoint(workspaceId: string, endpointId: string, actor: AuditActor): Promise<void> {
  await prisma.$transaction(async (tx) => {
    const endpoint = await tx.webhookEndpoint.findFirst({
      where: { id: endpointId, workspaceId },
      select: { url: true },
    });
    const deleted = await tx.webhookEndpoint.deleteMany({ where: { id: endpointId, workspaceId } });
    if (!endpoint || deleted.count === 0) throw new ApiError("RESOURCE_NOT_FOUND", ENDPOINT_NOT_FOUND);
    await recordAudit(tx, {
      workspaceId,
      actor,
      action: "endpoint.deleted",
      target: { type: "endpoint", id: endpointId, label: endpoint.url },
    });
  });
}
