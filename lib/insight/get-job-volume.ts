import "server-only";
import { prisma } from "@/lib/db/client";
import type { ApiProduct, JobState } from "@/lib/workflow/workflows";
import type { ResolvedRange } from "./schemas";

export interface JobVolumeRow {
  bucket: Date;
  apiProduct: ApiProduct;
  state: JobState;
  jobs: number;
  cost: number;
  mediaSeconds: number;
}

/**
 * Jobs created in the range, per hour or day, product and state, with their cost and media
 * seconds: read from the counters the ingest keeps (JobCounter, lib/insight/count-jobs-step.ts),
 * at most one row per hour, product and state whatever the number of jobs. The range starts on an
 * hour; it ends now, so the current hour's counter is all of it.
 */
export async function getJobVolume(workspaceId: string, range: ResolvedRange): Promise<JobVolumeRow[]> {
  const rows = await prisma.$queryRaw<
    Array<{
      bucket: Date;
      apiProduct: ApiProduct;
      state: JobState;
      jobs: bigint;
      cost: string | null;
      media: number | null;
    }>
  >`
    SELECT date_trunc(${range.bucket}::text, hour) AS bucket, "apiProduct"::text AS "apiProduct", state::text AS state,
           sum(jobs) AS jobs, sum(cost)::text AS cost, sum("mediaSeconds")::float8 AS media
      FROM "JobCounter"
     WHERE "workspaceId" = ${workspaceId} AND hour >= ${range.from} AND hour < ${range.to}
     GROUP BY 1, 2, 3
    HAVING sum(jobs) <> 0 OR sum(cost) <> 0 OR sum("mediaSeconds") <> 0`;
  return rows.map((row) => ({
    bucket: row.bucket,
    apiProduct: row.apiProduct,
    state: row.state,
    jobs: Number(row.jobs),
    cost: row.cost === null ? 0 : Number(row.cost),
    mediaSeconds: row.media ?? 0,
  }));
}
