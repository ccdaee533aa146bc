import "server-only";
import { prisma } from "@/lib/db/client";
import type { EndpointStats } from "./serialize-endpoint";

/** "Recent" on the endpoints list: long enough to cover a quiet night, short enough to show a fix. */
export const STATS_WINDOW_HOURS = 24;

const EMPTY: Omit<EndpointStats, "windowHours"> = { succeeded: 0, failing: 0, inFlight: 0, successRate: null };

/**
 * Success rates of the workspace's endpoints over the deliveries created in the window that were
 * attempted at least once: one grouped query for the whole list. A delivery counts as failing
 * once an attempt of it failed (given up, or waiting for its retry) — not while its first attempt
 * is still under way: that one is in flight, and counted as neither.
 */
export async function getEndpointStats(
  workspaceId: string,
  endpointIds: string[],
  now = new Date(),
): Promise<Map<string, EndpointStats>> {
  const since = new Date(now.getTime() - STATS_WINDOW_HOURS * 3600_000);
  const groups =
    endpointIds.length === 0
      ? []
      : await prisma.$queryRaw<Array<{ endpointId: string; succeeded: number; failing: number; inFlight: number }>>`
          SELECT "endpointId",
                 count(*) FILTER (WHERE status = 'succeeded')::int AS succeeded,
                 count(*) FILTER (WHERE status = 'failed' OR (status <> 'succeeded' AND "lastError" IS NOT NULL))::int AS failing,
                 count(*) FILTER (WHERE status IN ('pending', 'delivering') AND "lastError" IS NULL)::int AS "inFlight"
            FROM "WebhookDelivery"
           WHERE "workspaceId" = ${workspaceId} AND "endpointId" = ANY (${endpointIds}) AND "createdAt" >= ${since} AND "attemptCount" > 0
           GROUP BY "endpointId"`;
  const stats = new Map<string, EndpointStats>(
    endpointIds.map((id) => [id, { windowHours: STATS_WINDOW_HOURS, ...EMPTY }]),
  );
  for (const { endpointId, succeeded, failing, inFlight } of groups) {
    const total = succeeded + failing;
    stats.set(endpointId, {
      windowHours: STATS_WINDOW_HOURS,
      succeeded,
      failing,
      inFlight,
      successRate: total === 0 ? null : succeeded / total,
    });
  }
  return stats;
}

export async function getOneEndpointStats(
  workspaceId: string,
  endpointId: string,
  now = new Date(),
): Promise<EndpointStats> {
  const stats = await getEndpointStats(workspaceId, [endpointId], now);
  return stats.get(endpointId) ?? { windowHours: STATS_WINDOW_HOURS, ...EMPTY };
}
