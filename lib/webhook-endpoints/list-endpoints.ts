import "server-only";
import { prisma } from "@/lib/db/client";
import { getEndpointStats } from "./get-endpoint-stats";
import { endpointSelect, serializeEndpoint, type WebhookEndpointView } from "./serialize-endpoint";

/** The workspace's endpoints, oldest first (the order they were added), with recent success rates. */
export async function listEndpoints(workspaceId: string): Promise<WebhookEndpointView[]> {
  const rows = await prisma.webhookEndpoint.findMany({
    where: { workspaceId },
    orderBy: [{ createdAt: "asc" }, { id: "asc" }],
    select: endpointSelect,
  });
  const stats = await getEndpointStats(
    workspaceId,
    rows.map((row) => row.id),
  );
  return rows.map((row) => serializeEndpoint(row, stats.get(row.id)!));
}
