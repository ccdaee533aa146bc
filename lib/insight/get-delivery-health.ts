import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import type { ResolvedRange } from "./schemas";
import type { EndpointHealth } from "./types";

/**
 * At most this many deliveries are read per endpoint: the newest ones created in the range. A busy
 * endpoint gets a million deliveries in 90 days, and percentiles (and counts) over all of them took
 * seconds (bench:jobs); the newest 2,000 say how the endpoint is doing now, at a bounded cost.
 */
export const DELIVERY_SAMPLE = 2_000;

/**
 * Per webhook endpoint of the workspace: its newest deliveries created in the range (at most
 * `sample`) by outcome, and p50/p95 of their enqueue-to-success time. Each endpoint's sample is
 * the top of its (endpointId, createdAt DESC) index.
 */
export async function getDeliveryHealth(
  workspaceId: string,
  range: ResolvedRange,
  sample = DELIVERY_SAMPLE,
  db: Db = prisma,
): Promise<EndpointHealth[]> {
  const rows = await db.$queryRaw<
    Array<{
      id: string;
      url: string;
      enabled: boolean;
      samples: bigint;
      succeeded: bigint;
      failed: bigint;
      pending: bigint;
      p50: number | null;
      p95: number | null;
    }>
  >`
    SELECT e.id, e.url, e.enabled, s.samples, s.succeeded, s.failed, s.pending, s.p50, s.p95
      FROM "WebhookEndpoint" e
     CROSS JOIN LATERAL (
       SELECT count(*) AS samples,
              count(*) FILTER (WHERE d.status = 'succeeded') AS succeeded,
              count(*) FILTER (WHERE d.status = 'failed') AS failed,
              count(*) FILTER (WHERE d.status IN ('pending', 'delivering')) AS pending,
              percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM d."completedAt" - d."createdAt") * 1000)
                FILTER (WHERE d.status = 'succeeded') AS p50,
              percentile_cont(0.95) WITHIN GROUP (ORDER BY extract(epoch FROM d."completedAt" - d."createdAt") * 1000)
                FILTER (WHERE d.status = 'succeeded') AS p95
         FROM (
           SELECT d.status, d."createdAt", d."completedAt"
             FROM "WebhookDelivery" d
            WHERE d."endpointId" = e.id AND d."workspaceId" = ${workspaceId}
              AND d."createdAt" >= ${range.from} AND d."createdAt" < ${range.to}
            ORDER BY d."createdAt" DESC
            LIMIT ${sample}
         ) AS d
     ) AS s
     WHERE e."workspaceId" = ${workspaceId}
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
      sampled: Number(row.samples) >= sample,
      successRate: succeeded + failed > 0 ? succeeded / (succeeded + failed) : null,
      p50Ms: row.p50 === null ? null : Math.round(Number(row.p50)),
      p95Ms: row.p95 === null ? null : Math.round(Number(row.p95)),
    };
  });
}
