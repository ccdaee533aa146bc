"use client";

import { ChartCard } from "@/components/charts/chart-card";
import { CHART_COLORS, type Series } from "@/components/charts/chart-colors";
import { DataTable } from "@/components/charts/data-table";
import { Legend } from "@/components/charts/legend";
import { StackedBarChart } from "@/components/charts/stacked-bar-chart";
import { PRODUCT_LABELS } from "@/components/jobs/status-style";
import type { OverviewData } from "@/lib/insight/types";
import type { ApiProduct } from "@/lib/workflow/workflows";
import { bucketLabel } from "./format-overview";

export const OUTCOME_SERIES: Series[] = [
  { key: "completed", label: "Completed", color: CHART_COLORS.success },
  { key: "failed", label: "Failed", color: CHART_COLORS.danger },
  { key: "rejected", label: "Rejected", color: CHART_COLORS.warning },
  { key: "in_progress", label: "In progress", color: CHART_COLORS.info },
];

/** One product's jobs per hour or day, stacked by where they ended up. */
export function JobsPerDayCard({ data, product }: { data: OverviewData; product: ApiProduct }) {
  const unit = data.range.bucket === "hour" ? "hour" : "day";
  const title = `${PRODUCT_LABELS[product]} jobs per ${unit}`;
  const points = data.buckets.map((bucket) => ({
    key: bucket.start,
    label: bucketLabel(bucket.start, data.range.bucket),
    values: bucket.byProduct[product] as Record<string, number>,
  }));
  const total = points.reduce(
    (sum, point) => sum + OUTCOME_SERIES.reduce((s, series) => s + point.values[series.key], 0),
    0,
  );
  return (
    <ChartCard
      title={title}
      description={`${total.toLocaleString("en-US")} created in this range`}
      chart={
        total === 0 ? (
          <p className="py-8 text-center text-sm text-subtle">
            No {PRODUCT_LABELS[product].toLowerCase()} jobs in this range.
          </p>
        ) : (
          <div className="space-y-2">
            <StackedBarChart label={`${title}, stacked by outcome`} points={points} series={OUTCOME_SERIES} />
            <Legend series={OUTCOME_SERIES} />
          </div>
        )
      }
      table={
        <DataTable
          caption={title}
          columns={[
            unit === "hour" ? "Hour (UTC)" : "Day (UTC)",
            ...OUTCOME_SERIES.map((series) => series.label),
            "Total",
          ]}
          rows={points.map((point) => ({
            key: point.key,
            cells: [
              point.label,
              ...OUTCOME_SERIES.map((series) => point.values[series.key]),
              OUTCOME_SERIES.reduce((s, series) => s + point.values[series.key], 0),
            ],
          }))}
        />
      }
    />
  );
}
