"use client";

import { ChartCard } from "@/components/charts/chart-card";
import { CHART_COLORS } from "@/components/charts/chart-colors";
import { DataTable } from "@/components/charts/data-table";
import { Legend } from "@/components/charts/legend";
import { linearScale } from "@/components/charts/linear-scale";
import { PRODUCT_LABELS, STATUS_LABELS } from "@/components/jobs/status-style";
import type { StepDurationStat } from "@/lib/insight/types";
import { API_PRODUCTS, WORKFLOWS } from "@/lib/workflow/workflows";
import { formatDuration } from "./format-overview";

const SERIES = [
  { key: "p50", label: "p50", color: CHART_COLORS.brand },
  { key: "p95", label: "p95", color: CHART_COLORS.neutral },
];

/** Steps in workflow order, products in the usual order. */
function ordered(stats: StepDurationStat[]): StepDurationStat[] {
  return [...stats].sort(
    (a, b) =>
      API_PRODUCTS.indexOf(a.apiProduct) - API_PRODUCTS.indexOf(b.apiProduct) ||
      WORKFLOWS[a.apiProduct].steps.indexOf(a.step) - WORKFLOWS[a.apiProduct].steps.indexOf(b.step),
  );
}

const ROW = 22;
const LABEL_WIDTH = 200;
const WIDTH = 640;

/** How long each step of each workflow took: p50 over p95, one row per product and step. */
export function StepDurationsCard({ stats }: { stats: StepDurationStat[] }) {
  const rows = ordered(stats);
  const x = linearScale(Math.max(1, ...rows.map((row) => row.p95Ms)), [0, WIDTH - LABEL_WIDTH - 70]);
  const height = Math.max(ROW, rows.length * ROW);
  return (
    <ChartCard
      title="Step durations"
      description="From a step's report to the next one, for steps reached in this range"
      chart={
        rows.length === 0 ? (
          <p className="py-8 text-center text-sm text-subtle">No step finished in this range.</p>
        ) : (
          <div className="space-y-2">
            <svg
              viewBox={`0 0 ${WIDTH} ${height}`}
              role="img"
              aria-label="p50 and p95 duration of each workflow step"
              className="h-auto w-full"
            >
              {rows.map((row, index) => (
                <g key={`${row.apiProduct}-${row.step}`} transform={`translate(0,${index * ROW})`}>
                  <title>{`${PRODUCT_LABELS[row.apiProduct]} · ${STATUS_LABELS[row.step]}: p50 ${formatDuration(row.p50Ms)}, p95 ${formatDuration(row.p95Ms)}`}</title>
                  <text x={0} y={ROW / 2} dy="0.32em" fontSize={11} fill={CHART_COLORS.axis}>
                    {`${PRODUCT_LABELS[row.apiProduct]} · ${STATUS_LABELS[row.step]}`}
                  </text>
                  <rect
                    x={LABEL_WIDTH}
                    y={4}
                    width={Math.max(1, x(row.p95Ms))}
                    height={ROW - 8}
                    rx={2}
                    fill={SERIES[1].color}
                    opacity={0.45}
                  />
                  <rect
                    x={LABEL_WIDTH}
                    y={4}
                    width={Math.max(1, x(row.p50Ms))}
                    height={ROW - 8}
                    rx={2}
                    fill={SERIES[0].color}
                  />
                  <text
                    x={LABEL_WIDTH + x(row.p95Ms) + 6}
                    y={ROW / 2}
                    dy="0.32em"
                    fontSize={11}
                    fill={CHART_COLORS.axis}
                  >
                    {formatDuration(row.p95Ms)}
                  </text>
                </g>
              ))}
            </svg>
            <Legend series={SERIES} />
          </div>
        )
      }
      table={
        <DataTable
          caption="Step durations"
          columns={["Product · step", "Samples", "p50", "p95"]}
          rows={rows.map((row) => ({
            key: `${row.apiProduct}-${row.step}`,
            cells: [
              `${PRODUCT_LABELS[row.apiProduct]} · ${STATUS_LABELS[row.step]}`,
              row.samples,
              formatDuration(row.p50Ms),
              formatDuration(row.p95Ms),
            ],
          }))}
        />
      }
    />
  );
}
