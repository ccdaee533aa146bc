import "server-only";
import { type Db, prisma } from "@/lib/db/client";
import {
  type ApiProduct,
  completedStatus,
  isApiProduct,
  JOB_STATUSES,
  type StepStatus,
} from "@/lib/workflow/workflows";
import type { StepDurationStat } from "./types";

/** At most this many events are read: the newest ones in the range, a sample that keeps the query bounded at any size. */
export const STEP_SAMPLE_EVENTS = 10_000;

/**
 * p50 and p95 of how long each step of each product lasted, for steps reached in [from, to): from
 * the earliest report of a status to the earliest report of the job's next one (a failure ends a
 * step too). Events are chosen by arrival time, newest first, which the (workspaceId, receivedAt)
 * index serves. The upstream's timestamps are whole seconds, so statuses reported in the same
 * second follow the workflow's order; a workflow's last status has no next one and no duration.
 */
export async function getStepDurations(
  workspaceId: string,
  from: Date,
  to: Date,
  sampleEvents = STEP_SAMPLE_EVENTS,
  db: Db = prisma,
): Promise<StepDurationStat[]> {
  const rows = await db.$queryRaw<
    Array<{ apiProduct: string; step: string; samples: bigint; p50: number; p95: number }>
  >`
    WITH recent AS (
      SELECT e."jobId", e.status, e."occurredAt"
        FROM "JobEvent" e
       WHERE e."workspaceId" = ${workspaceId} AND e."receivedAt" >= ${from} AND e."receivedAt" < ${to}
         AND e.disposition <> 'ignored'
       ORDER BY e."receivedAt" DESC
       LIMIT ${sampleEvents}
    ),
    firsts AS (
      SELECT "jobId", status, min("occurredAt") AS at FROM recent GROUP BY "jobId", status
    ),
    spans AS (
      SELECT "jobId", status,
             extract(epoch FROM lead(at) OVER (
               PARTITION BY "jobId" ORDER BY at, array_position(${[...JOB_STATUSES]}::text[], status)
             ) - at) * 1000 AS ms
        FROM firsts
    )
    SELECT j."apiProduct"::text AS "apiProduct", s.status AS step, count(*) AS samples,
           percentile_cont(0.5) WITHIN GROUP (ORDER BY s.ms) AS p50,
           percentile_cont(0.95) WITHIN GROUP (ORDER BY s.ms) AS p95
      FROM spans s
      -- Each span's job by its primary key. A plain join let the planner hash the whole "Job" table
      -- for a 10,000-event sample (0.7 s at a million jobs, bench:jobs); LIMIT 1 keeps index probes.
     CROSS JOIN LATERAL (
       SELECT "apiProduct" FROM "Job" WHERE id = s."jobId" AND "workspaceId" = ${workspaceId} LIMIT 1
     ) j
     WHERE s.ms IS NOT NULL AND s.status NOT IN ('failed', 'rejected')
     GROUP BY j."apiProduct", s.status`;
  return rows
    .filter((row) => isApiProduct(row.apiProduct) && row.step !== completedStatus(row.apiProduct))
    .map((row) => ({
      apiProduct: row.apiProduct as ApiProduct,
      step: row.step as StepStatus,
      samples: Number(row.samples),
      p50Ms: Math.round(Number(row.p50)),
      p95Ms: Math.round(Number(row.p95)),
    }));
}
