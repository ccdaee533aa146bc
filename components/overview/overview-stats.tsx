"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { jobStuckCountQuery } from "@/components/jobs/queries";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Card } from "@/components/ui/card";
import { formatCount } from "@/components/ui/format";
import type { OverviewData } from "@/lib/insight/types";
import { formatDuration, formatMinutes, formatMoney, formatPercent } from "./format-overview";

function Stat({
  label,
  value,
  hint,
  testId,
}: {
  label: string;
  value: React.ReactNode;
  hint?: React.ReactNode;
  testId: string;
}) {
  return (
    <Card className="px-4 py-3.5">
      <dt className="text-xs font-medium tracking-wide text-subtle uppercase">{label}</dt>
      <dd className="mt-1.5 text-xl font-semibold text-emphasis tabular-nums" data-testid={testId}>
        {value}
      </dd>
      {hint && <dd className="mt-0.5 text-ui text-subtle">{hint}</dd>}
    </Card>
  );
}

/** "1.8 s / 2.2 s", broken only at the slash when the tile is narrow. */
function LagValue({ p50Ms, p95Ms }: { p50Ms: number; p95Ms: number }) {
  return (
    <>
      <span className="whitespace-nowrap">{formatDuration(p50Ms)}</span> /{" "}
      <span className="whitespace-nowrap">{formatDuration(p95Ms)}</span>
    </>
  );
}

/** The range at a glance: jobs, stuck now, success rate, cost, media minutes, arrival lag. */
export function OverviewStats({ data }: { data: OverviewData }) {
  const routes = useWorkspaceRoutes();
  const { totals, arrivalLag } = data;
  // Stuck is about now, whatever the range: the Jobs page's count, and a link to those jobs.
  const stuck = useQuery(jobStuckCountQuery()).data;
  return (
    <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3 2xl:grid-cols-6">
      <Stat
        label="Jobs"
        testId="stat-jobs"
        value={totals.jobs.toLocaleString("en-US")}
        hint={
          <Link href={`${routes.jobs}?state=in_progress`} className="link">
            {totals.inProgress.toLocaleString("en-US")} in progress
          </Link>
        }
      />
      <Stat
        label="Stuck now"
        testId="stat-stuck"
        value={
          stuck ? (
            <Link
              href={`${routes.jobs}?stuck=true`}
              aria-label={`${formatCount(stuck.count, stuck.atLeast)} stuck now`}
              className={stuck.count > 0 ? "text-warning underline underline-offset-2" : "link"}
            >
              {formatCount(stuck.count, stuck.atLeast)}
            </Link>
          ) : (
            "–"
          )
        }
        hint="Past their step's usual time"
      />
      <Stat
        label="Success rate"
        testId="stat-success-rate"
        value={formatPercent(totals.successRate)}
        hint={`${totals.failed.toLocaleString("en-US")} failed · ${totals.rejected.toLocaleString("en-US")} rejected`}
      />
      <Stat label="Cost" testId="stat-cost" value={formatMoney(totals.cost)} />
      <Stat label="Media minutes" testId="stat-media" value={formatMinutes(totals.mediaSeconds)} />
      <Stat
        label="Arrival lag"
        testId="stat-arrival-lag"
        value={arrivalLag ? <LagValue {...arrivalLag} /> : "—"}
        hint="p50 / p95, upstream event to portal"
      />
    </dl>
  );
}
