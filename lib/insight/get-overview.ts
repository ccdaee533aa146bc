import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import { buildOverviewBuckets } from "./build-overview-buckets";
import { getArrivalLag } from "./get-arrival-lag";
import { DELIVERY_SAMPLE, getDeliveryHealth } from "./get-delivery-health";
import { getJobVolume } from "./get-job-volume";
import { getStepDurations } from "./get-step-durations";
import { type OverviewQuery, resolveRange } from "./schemas";
import type { OverviewData } from "./types";

/**
 * The overview's step durations and arrival lag read the range's newest 5,000 events: p50/p95 of a
 * few thousand spans are as good as of twice as many, and the page stays within its 50 ms at a
 * million jobs (the stuck expectations, cached per process, keep 10,000).
 */
export const OVERVIEW_SAMPLE_EVENTS = 5_000;

/** Everything the overview page shows for a range, in four queries run side by side (on `db`: the primary, or the replica). */
export async function getOverview(
  workspaceId: string,
  query: OverviewQuery,
  now = new Date(),
  db: Db = prisma,
): Promise<OverviewData> {
  const range = resolveRange(query, now);
  const [volume, stepDurations, arrivalLag, deliveries] = await Promise.all([
    getJobVolume(workspaceId, range, db),
    getStepDurations(workspaceId, range.from, range.to, OVERVIEW_SAMPLE_EVENTS, db),
    getArrivalLag(workspaceId, range, OVERVIEW_SAMPLE_EVENTS, db),
    getDeliveryHealth(workspaceId, range, DELIVERY_SAMPLE, db),
  ]);
  return {
    range: { from: range.from.toISOString(), to: range.to.toISOString(), bucket: range.bucket },
    ...buildOverviewBuckets(range, volume),
    stepDurations,
    arrivalLag,
    deliveries,
  };
}
