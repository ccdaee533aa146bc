import type pg from "pg";
import { getArrivalLag } from "@/lib/insight/get-arrival-lag";
import { getDeliveryHealth } from "@/lib/insight/get-delivery-health";
import { getJobVolume } from "@/lib/insight/get-job-volume";
import { getOverview, OVERVIEW_SAMPLE_EVENTS } from "@/lib/insight/get-overview";
import { getStepDurations } from "@/lib/insight/get-step-durations";
import { forgetStepExpectations, getStepExpectations } from "@/lib/insight/get-step-expectations";
import { type OverviewRange, resolveRange } from "@/lib/insight/schemas";
import { countJobsByState } from "@/lib/jobs/count-jobs-by-state";
import { countStuckJobs } from "@/lib/jobs/count-stuck-jobs";
import { encodeCursor } from "@/lib/jobs/cursor";
import { getJobDetail } from "@/lib/jobs/get-job-detail";
import { listJobs } from "@/lib/jobs/list-jobs";
import { listJobsQuerySchema } from "@/lib/jobs/schemas";
import type { BenchCase } from "./bench-timing";

// The cases bench:jobs times. Every query that reads the clock is given the seed's moment, so the
// data looks the same to it on every run. `workspaceOf(round)` names the workspace a round reads:
// always the big one, or the ten small ones in turn.

/** #14's target: p95 of every overview query, the exact counts, the stuck filter and the Jobs list's first page. */
const TARGET_MS = 50;
const RANGES: Array<Exclude<OverviewRange, "custom">> = ["24h", "7d", "30d", "90d"];

type WorkspaceOf = (round: number) => string;

/**
 * The list's first page, the exact counts and the stuck filter: what the Jobs page opens with (the
 * stuck expectations cached, as within five minutes of a workspace's first request).
 */
export function jobsPageCases(workspaceOf: WorkspaceOf, now: Date): BenchCase[] {
  const query = (input: Record<string, string>) => ({ ...listJobsQuerySchema.parse(input), now });
  return [
    { name: "jobs: first page (25)", run: (r) => listJobs(workspaceOf(r), query({})), targetMs: TARGET_MS },
    { name: "counts by state (tabs, exact)", run: (r) => countJobsByState(workspaceOf(r)), targetMs: TARGET_MS },
    { name: "stuck: first page", run: (r) => listJobs(workspaceOf(r), query({ stuck: "true" })), targetMs: TARGET_MS },
    { name: "stuck: count (tab)", run: (r) => countStuckJobs(workspaceOf(r), now), targetMs: TARGET_MS },
  ];
}

/**
 * The stuck expectations computed afresh, as the first request of a workspace in a process (and
 * every five minutes after) computes them: timed on their own, after the other cases, which find
 * them cached as most requests do.
 */
export function expectationCases(workspaceOf: WorkspaceOf, now: Date): BenchCase[] {
  return [
    {
      name: "step expectations (cache miss)",
      run: (r) => {
        forgetStepExpectations();
        return getStepExpectations(workspaceOf(r), now);
      },
      targetMs: TARGET_MS,
    },
  ];
}

/** The overview at each preset, and each of its four queries alone (it runs them side by side). */
export function overviewCases(workspaceOf: WorkspaceOf, now: Date): BenchCase[] {
  return RANGES.flatMap((range): BenchCase[] => {
    const resolved = resolveRange({ range }, now);
    return [
      { name: `overview ${range}`, run: (r) => getOverview(workspaceOf(r), { range }, now), targetMs: TARGET_MS },
      {
        name: `  ${range}: volumes (counters)`,
        run: (r) => getJobVolume(workspaceOf(r), resolved),
        targetMs: TARGET_MS,
      },
      {
        name: `  ${range}: step durations`,
        run: (r) => getStepDurations(workspaceOf(r), resolved.from, resolved.to, OVERVIEW_SAMPLE_EVENTS),
        targetMs: TARGET_MS,
      },
      {
        name: `  ${range}: arrival lag`,
        run: (r) => getArrivalLag(workspaceOf(r), resolved, OVERVIEW_SAMPLE_EVENTS),
        targetMs: TARGET_MS,
      },
      {
        name: `  ${range}: deliveries per endpoint`,
        run: (r) => getDeliveryHealth(workspaceOf(r), resolved),
        targetMs: TARGET_MS,
      },
    ];
  });
}

/** The rest of the Jobs page on the big workspace: deep pages, filters, search, a job's page (no #14 target). */
export async function moreJobsCases(pool: pg.Pool, workspaceId: string, now: Date): Promise<BenchCase[]> {
  const query = (input: Record<string, string>) => ({ ...listJobsQuerySchema.parse(input), now });
  const first = await listJobs(workspaceId, query({ limit: "1" }));
  const someId = first.jobs[0].id;
  const { rows: middle } = await pool.query<{ id: string; createdAt: Date }>(
    `SELECT id, "createdAt" FROM "Job" WHERE "workspaceId" = $1 ORDER BY "createdAt" DESC, id DESC OFFSET 500000 LIMIT 1`,
    [workspaceId],
  );
  const deep = encodeCursor(middle[0]);
  const { rows: failed } = await pool.query<{ upstreamJobId: string }>(
    `SELECT "upstreamJobId" FROM "Job" WHERE "workspaceId" = $1 AND state = 'failed' LIMIT 1`,
    [workspaceId],
  );
  const list = (name: string, input: Record<string, string>): BenchCase => ({
    name: `jobs: ${name}`,
    run: () => listJobs(workspaceId, query(input)),
  });
  return [
    list("first page (100 rows)", { limit: "100" }),
    list("page at row 500,000 (after)", { after: deep }),
    list("page at row 500,000 (before)", { before: deep }),
    list("oldest first", { sort: "oldest" }),
    list("apiProduct = dub", { apiProduct: "dub" }),
    list("state = failed", { state: "failed" }),
    list("state = in_progress", { state: "in_progress" }),
    list("status = rejected", { status: "rejected" }),
    list("translate + failed", { apiProduct: "translate", state: "failed" }),
    list("failed, page at row 500,000", { state: "failed", after: deep }),
    list("search: exact id", { q: someId }),
    list("search: prefix (10 chars)", { q: someId.slice(0, 10) }),
    list("search: prefix 'job_'", { q: "job_" }),
    { name: "job detail (failed job)", run: () => getJobDetail(workspaceId, failed[0].upstreamJobId, {}, now) },
  ];
}
