import "server-only";
import { buildOverviewBuckets } from "./build-overview-buckets";
import { getArrivalLag } from "./get-arrival-lag";
import { getDeliveryHealth } from "./get-delivery-health";
import { getJobVolume } from "./get-job-volume";
import { getStepDurations } from "./get-step-durations";
import { type OverviewQuery, resolveRange } from "./schemas";
import type { OverviewData } from "./types";

/** Everything the overview page shows for a range, in four queries run side by side. */
export async function getOverview(workspaceId: string, query: OverviewQuery, now = new Date()): Promise<OverviewData> {
  const range = resolveRange(query, now);
  const [volume, stepDurations, arrivalLag, deliveries] = await Promise.all([
    getJobVolume(workspaceId, range),
    getStepDurations(workspaceId, range.from, range.to),
    getArrivalLag(workspaceId, range),
    getDeliveryHealth(workspaceId, range),
  ]);
  return {
    range: { from: range.from.toISOString(), to: range.to.toISOString(), bucket: range.bucket },
    ...buildOverviewBuckets(range, volume),
    stepDurations,
    arrivalLag,
    deliveries,
  };
}
