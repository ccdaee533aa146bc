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
 * seconds: one pass over the (workspaceId, createdAt) index range.
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
    SELECT date_trunc(${range.bucket}::text, "createdAt") AS bucket, "apiProduct"::text AS "apiProduct", state::text AS state,
           count(*) AS jobs, sum(cost)::text AS cost, sum(duration) AS media
      FROM "Job"
     WHERE "workspaceId" = ${workspaceId} AND "createdAt" >= ${range.from} AND "createdAt" < ${range.to}
     GROUP BY 1, 2, 3`;
  return rows.map((row) => ({
    bucket: row.bucket,
    apiProduct: row.apiProduct,
    state: row.state,
    jobs: Number(row.jobs),
    cost: row.cost === null ? 0 : Number(row.cost),
    mediaSeconds: row.media ?? 0,
  }));
}
