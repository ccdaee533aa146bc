import { API_PRODUCTS, type ApiProduct, JOB_STATES, type JobState } from "@/lib/workflow/workflows";
import { bucketStarts, type ResolvedRange } from "./schemas";
import type { OverviewBucket, OverviewTotals } from "./types";

interface VolumeRow {
  bucket: Date;
  apiProduct: ApiProduct;
  state: JobState;
  jobs: number;
  cost: number;
  mediaSeconds: number;
}

const emptyStates = () => Object.fromEntries(JOB_STATES.map((state) => [state, 0])) as Record<JobState, number>;
const rate = (completed: number, failed: number, rejected: number) => {
  const finished = completed + failed + rejected;
  return finished > 0 ? completed / finished : null;
};

/** Every bucket of the range, empty ones included, and the range's totals. */
export function buildOverviewBuckets(
  range: ResolvedRange,
  rows: VolumeRow[],
): { buckets: OverviewBucket[]; totals: OverviewTotals } {
  const buckets = bucketStarts(range).map(
    (start): OverviewBucket => ({
      start: start.toISOString(),
      byProduct: Object.fromEntries(
        API_PRODUCTS.map((product) => [product, emptyStates()]),
      ) as OverviewBucket["byProduct"],
      jobs: 0,
      completed: 0,
      failed: 0,
      rejected: 0,
      successRate: null,
      cost: 0,
      mediaSeconds: 0,
    }),
  );
  const index = new Map(buckets.map((bucket, i) => [bucket.start, i]));
  const totals: OverviewTotals = {
    jobs: 0,
    completed: 0,
    failed: 0,
    rejected: 0,
    inProgress: 0,
    successRate: null,
    cost: 0,
    mediaSeconds: 0,
  };
  for (const row of rows) {
    const bucket = buckets[index.get(row.bucket.toISOString()) ?? -1];
    if (!bucket) continue;
    bucket.byProduct[row.apiProduct][row.state] += row.jobs;
    bucket.jobs += row.jobs;
    bucket.cost += row.cost;
    bucket.mediaSeconds += row.mediaSeconds;
    if (row.state !== "in_progress") bucket[row.state] += row.jobs;
    totals.jobs += row.jobs;
    totals.cost += row.cost;
    totals.mediaSeconds += row.mediaSeconds;
    if (row.state === "in_progress") totals.inProgress += row.jobs;
    else totals[row.state] += row.jobs;
  }
  for (const bucket of buckets) {
    bucket.successRate = rate(bucket.completed, bucket.failed, bucket.rejected);
    // Sums of DECIMAL(12,4) costs: keep four decimals, not a float's tail.
    bucket.cost = Math.round(bucket.cost * 10_000) / 10_000;
  }
  totals.successRate = rate(totals.completed, totals.failed, totals.rejected);
  totals.cost = Math.round(totals.cost * 10_000) / 10_000;
  return { buckets, totals };
}
