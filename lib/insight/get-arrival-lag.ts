import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import { STEP_SAMPLE_EVENTS } from "./get-step-durations";
import type { ResolvedRange } from "./schemas";
import type { ArrivalLag } from "./types";

/**
 * How long events took from the upstream's timestamp to the portal: p50 and p95 over the range's
 * newest events (a bounded sample, like the step durations). The upstream's clock may run ahead:
 * a negative lag counts as none.
 */
export async function getArrivalLag(
  workspaceId: string,
  range: ResolvedRange,
  sampleEvents = STEP_SAMPLE_EVENTS,
  db: Db = prisma,
): Promise<ArrivalLag | null> {
  const [row] = await db.$queryRaw<Array<{ samples: bigint; p50: number | null; p95: number | null }>>`
    WITH recent AS (
      SELECT greatest(extract(epoch FROM "receivedAt" - "occurredAt") * 1000, 0) AS ms
        FROM "JobEvent"
       WHERE "workspaceId" = ${workspaceId} AND "receivedAt" >= ${range.from} AND "receivedAt" < ${range.to}
       ORDER BY "receivedAt" DESC
       LIMIT ${sampleEvents}
    )
    SELECT count(*) AS samples,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY ms) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY ms) AS p95
      FROM recent`;
  const samples = Number(row?.samples ?? 0);
  if (!row || samples === 0) return null;
  return { samples, p50Ms: Math.round(Number(row.p50)), p95Ms: Math.round(Number(row.p95)) };
}
