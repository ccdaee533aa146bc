"use client";

import { useQuery } from "@tanstack/react-query";
import Link from "next/link";
import { jobStuckCountQuery } from "@/components/jobs/queries";
import { useWorkspaceRoutes } from "@/components/shell/use-workspace-routes";
import { Card } from "@/components/ui/card";
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

/** The range at a glance: jobs, success rate, cost, media minutes, arrival lag. */
export function OverviewStats({ data }: { data: OverviewData }) {
  const routes = useWorkspaceRoutes();
  const { totals, arrivalLag } = data;
  // Stuck is about now, whatever the range: the Jobs page's count, and a link to those jobs.
  const stuck = useQuery(jobStuckCountQuery()).data;
  return (
    <dl className="mb-6 grid grid-cols-2 gap-4 md:grid-cols-3 xl:grid-cols-5">
      <Stat
        label="Jobs"
        testId="stat-jobs"
        value={totals.jobs.toLocaleString("en-US")}
        hint={
          <>
            <Link href={`${routes.jobs}?state=in_progress`} className="link">
              {totals.inProgress.toLocaleString("en-US")} in progress
            </Link>
            {stuck && (
              <>
                {" · "}
                <Link href={`${routes.jobs}?stuck=true`} className="link" data-testid="stat-stuck">
                  {stuck.count.toLocaleString("en-US")}
                  {stuck.atLeast ? "+" : ""} stuck now
                </Link>
              </>
            )}
          </>
        }
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
        label="Arrival lag p50 / p95"
        testId="stat-arrival-lag"
        value={arrivalLag ? `${formatDuration(arrivalLag.p50Ms)} / ${formatDuration(arrivalLag.p95Ms)}` : "—"}
        hint="Upstream event to the portal"
      />
    </dl>
  );
}
