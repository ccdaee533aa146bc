import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import type { ResolvedRange } from "./schemas";
import type { EndpointHealth } from "./types";

/**
 * Per webhook endpoint of the workspace: deliveries created in the range by outcome, and p50/p95
 * of enqueue-to-success time. Each endpoint's rows come from its (endpointId, createdAt) index.
 */
export async function getDeliveryHealth(
  workspaceId: string,
  range: ResolvedRange,
  db: Db = prisma,
): Promise<EndpointHealth[]> {
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      url: string;
      enabled: boolean;
      succeeded: bigint;
      failed: bigint;
      pending: bigint;
      p50: number | null;
      p95: number | null;
    }>
  >`
    SELECT e.id, e.url, e.enabled,
           count(*) FILTER (WHERE d.status = 'succeeded') AS succeeded,
           count(*) FILTER (WHERE d.status = 'failed') AS failed,
           count(*) FILTER (WHERE d.status IN ('pending', 'delivering')) AS pending,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d."completedAt" - d."createdAt") * 1000)
             FILTER (WHERE d.status = 'succeeded') AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM d."completedAt" - d."createdAt") * 1000)
             FILTER (WHERE d.status = 'succeeded') AS p95
      FROM "WebhookEndpoint" e
      LEFT JOIN "WebhookDelivery" d
        ON d."endpointId" = e.id AND d."createdAt" >= ${range.from} AND d."createdAt" < ${range.to}
     WHERE e."workspaceId" = ${workspaceId}
     GROUP BY e.id, e.url, e.enabled, e."createdAt"
     ORDER BY e."createdAt"`;
  return rows.map((row) => {
    const succeeded = Number(row.succeeded);
    const failed = Number(row.failed);
    return {
      endpointId: row.id,
      url: row.url,
      enabled: row.enabled,
      succeeded,
      failed,
      pending: Number(row.pending),
      successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null,
      p50Ms: row.p50 === null ? null : Math.round(Number(row.p50)),
      p95Ms: row.p95 === null ? null : Math.round(Number(row.p95)),
    };
  });
}
