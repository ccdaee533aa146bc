"use client";

import { ChartCard } from "@/components/charts/chart-card";
import { CHART_COLORS } from "@/components/charts/chart-colors";
import { DataTable } from "@/components/charts/data-table";
import { LineChart } from "@/components/charts/line-chart";
import type { OverviewData } from "@/lib/insight/types";
import { bucketLabel, formatMinutes, formatMoney, formatPercent } from "./format-overview";

const columnOf = (data: OverviewData) => (data.range.bucket === "hour" ? "Hour (UTC)" : "Day (UTC)");
const pointsOf = (data: OverviewData, value: (bucket: OverviewData["buckets"][number]) => number | null) =>
  data.buckets.map((bucket) => ({
    key: bucket.start,
    label: bucketLabel(bucket.start, data.range.bucket),
    values: { value: value(bucket) },
  }));

/** Share of finished jobs that completed, per bucket (none finished: a gap in the line). */
export function SuccessRateCard({ data }: { data: OverviewData }) {
  return (
    <ChartCard
      title="Success rate"
      description="Completed out of completed, failed and rejected"
      chart={
        <LineChart
          label="Success rate"
          points={pointsOf(data, (bucket) => bucket.successRate)}
          series={[{ key: "value", label: "Success rate", color: CHART_COLORS.success }]}
          formatValue={(value) => `${Math.round(value * 100)}%`}
          max={1}
        />
      }
      table={
        <DataTable
          caption="Success rate"
          columns={[columnOf(data), "Completed", "Failed", "Rejected", "Success rate"]}
          rows={data.buckets.map((bucket) => ({
            key: bucket.start,
            cells: [
              bucketLabel(bucket.start, data.range.bucket),
              bucket.completed,
              bucket.failed,
              bucket.rejected,
              formatPercent(bucket.successRate),
            ],
          }))}
        />
      }
    />
  );
}

export function CostCard({ data }: { data: OverviewData }) {
  return (
    <ChartCard
      title="Cost"
      description="As the Jobs API reports it, by the day a job was created"
      chart={
        <LineChart
          label="Cost"
          points={pointsOf(data, (bucket) => bucket.cost)}
          series={[{ key: "value", label: "Cost", color: CHART_COLORS.brand }]}
          formatValue={formatMoney}
        />
      }
      table={
        <DataTable
          caption="Cost"
          columns={[columnOf(data), "Jobs", "Cost"]}
          rows={data.buckets.map((bucket) => ({
            key: bucket.start,
            cells: [bucketLabel(bucket.start, data.range.bucket), bucket.jobs, formatMoney(bucket.cost)],
          }))}
        />
      }
    />
  );
}

export function MediaMinutesCard({ data }: { data: OverviewData }) {
  return (
    <ChartCard
      title="Media minutes"
      description="Length of the media processed"
      chart={
        <LineChart
          label="Media minutes"
          points={pointsOf(data, (bucket) => bucket.mediaSeconds / 60)}
          series={[{ key: "value", label: "Media minutes", color: CHART_COLORS.info }]}
          formatValue={(minutes) => formatMinutes(minutes * 60)}
        />
      }
      table={
        <DataTable
          caption="Media minutes"
          columns={[columnOf(data), "Jobs", "Media minutes"]}
          rows={data.buckets.map((bucket) => ({
            key: bucket.start,
            cells: [bucketLabel(bucket.start, data.range.bucket), bucket.jobs, formatMinutes(bucket.mediaSeconds)],
          }))}
        />
      }
    />
  );
}
