import "server-only";
import { type Db, prisma } from "@/lib/db/client";
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
 * seconds: read from the counters the ingest keeps (lib/insight/count-jobs-step.ts) — hour rows
 * for hourly buckets, day rows for daily ones (their copies summed) — so a few rows per bucket,
 * product and state whatever the number of jobs. The range starts on a bucket; it ends now, so the current bucket's
 * counter is all of it.
 */
export async function getJobVolume(
  workspaceId: string,
  range: ResolvedRange,
  db: Db = prisma,
): Promise<JobVolumeRow[]> {
  type Row = { bucket: Date; apiProduct: ApiProduct; state: JobState; jobs: number; cost: string; media: number };
  const rows =
    range.bucket === "hour"
      ? await db.$queryRaw<Row[]>`
          SELECT hour AS bucket, "apiProduct"::text AS "apiProduct", state::text AS state, sum(jobs)::int AS jobs,
                 sum(cost)::text AS cost, sum("mediaSeconds")::float8 AS media
            FROM "JobCounter"
           WHERE "workspaceId" = ${workspaceId} AND hour >= ${range.from} AND hour < ${range.to}
           GROUP BY 1, 2, 3
          HAVING sum(jobs) <> 0 OR sum(cost) <> 0 OR sum("mediaSeconds") <> 0`
      : await db.$queryRaw<Row[]>`
          SELECT day AS bucket, "apiProduct"::text AS "apiProduct", state::text AS state, sum(jobs)::int AS jobs,
                 sum(cost)::text AS cost, sum("mediaSeconds")::float8 AS media
            FROM "JobDayCounter"
           WHERE "workspaceId" = ${workspaceId} AND day >= ${range.from} AND day < ${range.to}
           GROUP BY 1, 2, 3
          HAVING sum(jobs) <> 0 OR sum(cost) <> 0 OR sum("mediaSeconds") <> 0`;
  return rows.map((row) => ({
    bucket: row.bucket,
    apiProduct: row.apiProduct,
    state: row.state,
    jobs: row.jobs,
    cost: Number(row.cost),
    mediaSeconds: row.media,
  }));
}
