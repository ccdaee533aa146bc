import { prisma } from "@/lib/db/client";
import { getOneEndpointStats } from "./get-endpoint-stats";
import { endpointSelect, serializeEndpoint, type WebhookEndpointView } from "./serialize-endpoint";

/** One endpoint of the workspace as its page shows it, with its recent health, or null (pages answer 404). */
export async function findEndpoint(workspaceId: string, endpointId: string): Promise<WebhookEndpointView | null> {
  const row = await prisma.webhookEndpoint.findFirst({
    where: { id: endpointId, workspaceId },
    select: endpointSelect,
  });
  return row && serializeEndpoint(row, await getOneEndpointStats(workspaceId, row.id));
}
