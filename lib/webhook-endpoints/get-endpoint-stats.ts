import "server-only";
import { prisma } from "@/lib/db/client";
import type { EndpointStats } from "./serialize-endpoint";

/** "Recent" on the endpoints list: long enough to cover a quiet night, short enough to show a fix. */
export const STATS_WINDOW_HOURS = 24;

const EMPTY: Omit<EndpointStats, "windowHours"> = { succeeded: 0, failing: 0, successRate: null };

/**
 * Success rates of the workspace's endpoints over the deliveries created in the window that were
 * attempted at least once: one grouped query for the whole list.
 */
export async function getEndpointStats(workspaceId: string, endpointIds: string[], now = new Date()): Promise<Map<string, EndpointStats>> {
  const since = new Date(now.getTime() - STATS_WINDOW_HOURS * 3600_000);
  const groups =
    endpointIds.length === 0
      ? []
      : await prisma.webhookDelivery.groupBy({
          by: ["endpointId", "status"],
          where: { workspaceId, endpointId: { in: endpointIds }, createdAt: { gte: since }, attemptCount: { gt: 0 } },
          _count: { _all: true },
        });
  const stats = new Map<string, EndpointStats>(endpointIds.map((id) => [id, { windowHours: STATS_WINDOW_HOURS, ...EMPTY }]));
  for (const group of groups) {
    const entry = stats.get(group.endpointId);
    if (!entry) continue;
    // Anything attempted but not succeeded has failed at least once: retrying or given up.
    if (group.status === "succeeded") entry.succeeded += group._count._all;
    else entry.failing += group._count._all;
  }
  for (const entry of stats.values()) {
    const total = entry.succeeded + entry.failing;
    entry.successRate = total === 0 ? null : entry.succeeded / total;
  }
  return stats;
}

export async function getOneEndpointStats(workspaceId: string, endpointId: string, now = new Date()): Promise<EndpointStats> {
  const stats = await getEndpointStats(workspaceId, [endpointId], now);
  return stats.get(endpointId) ?? { windowHours: STATS_WINDOW_HOURS, ...EMPTY };
}
