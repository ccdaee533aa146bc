"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { LoadError } from "@/components/load-error";
import { cn } from "@/components/ui/cn";
import { PageHeader } from "@/components/ui/page-header";
import { Skeleton } from "@/components/ui/skeleton";
import { API_PRODUCTS } from "@/lib/workflow/workflows";
import { DeliveryHealthCard } from "./delivery-health-card";
import { JobsPerDayCard } from "./jobs-per-day-card";
import { OverviewStats } from "./overview-stats";
import { type OverviewParams, overviewQuery } from "./queries";
import { RangePicker } from "./range-picker";
import { readOverviewParams, toOverviewSearch } from "./read-overview-params";
import { StepDurationsCard } from "./step-durations-card";
import { CostCard, MediaMinutesCard, SuccessRateCard } from "./trend-cards";

/** The overview: how the workspace's jobs are doing over a range, chart by chart (each with a table). */
export function OverviewView() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const params = useMemo(() => readOverviewParams(Object.fromEntries(searchParams.entries())), [searchParams]);
  // The range lives in the URL; the native History API updates it without a server round-trip.
  const setParams = useCallback(
    (next: OverviewParams) => window.history.pushState(null, "", `${pathname}${toOverviewSearch(next)}`),
    [pathname],
  );
  const { data, error, isError, isPlaceholderData, refetch, isFetching } = useQuery(overviewQuery(params));

  return (
    <>
      <PageHeader
        title="Overview"
        description="How this workspace's jobs are doing: volume, outcomes, cost, step times and webhook health."
        actions={<RangePicker key={`${params.range}${params.from ?? ""}`} value={params} onChange={setParams} />}
      />
      {!data && isError ? (
        <LoadError
          title="The overview could not be loaded"
          message={error.message}
          onRetry={() => void refetch()}
          retrying={isFetching}
        />
      ) : !data ? (
        <div className="grid gap-4 md:grid-cols-2">
          {Array.from({ length: 4 }, (_, i) => (
            // biome-ignore lint/suspicious/noArrayIndexKey: placeholders that never reorder.
            <Skeleton key={i} className="h-64" />
          ))}
        </div>
      ) : (
        <div
          aria-busy={isPlaceholderData || undefined}
          className={cn("transition-opacity", isPlaceholderData && "opacity-60")}
        >
          <OverviewStats data={data} />
          <div className="grid gap-4 lg:grid-cols-2">
            {API_PRODUCTS.map((product) => (
              <JobsPerDayCard key={product} data={data} product={product} />
            ))}
            <SuccessRateCard data={data} />
            <CostCard data={data} />
            <MediaMinutesCard data={data} />
            <DeliveryHealthCard endpoints={data.deliveries} />
            <StepDurationsCard stats={data.stepDurations} />
          </div>
        </div>
      )}
    </>
  );
}
