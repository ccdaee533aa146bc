"use client";

import { Fragment } from "react";
import { ChartCard } from "@/components/charts/chart-card";
import { CHART_COLORS } from "@/components/charts/chart-colors";
import { DataTable } from "@/components/charts/data-table";
import { Legend } from "@/components/charts/legend";
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

/** Step times come from whole-second timestamps: below a second there is nothing to tell apart. */
const formatStep = (ms: number) => (ms < 1000 ? "under 1 s" : formatDuration(ms));

/** "Translate, Voice-over and Dub". */
function listOf(names: string[]): string {
  return names.length === 1 ? names[0] : `${names.slice(0, -1).join(", ")} and ${names.at(-1)}`;
}

/**
 * How long each step of each workflow took: p50 over p95, one row per product and step. Drawn in
 * HTML rather than a scaled SVG, so its labels keep their size in a narrow card.
 */
export function StepDurationsCard({ stats }: { stats: StepDurationStat[] }) {
  const rows = ordered(stats);
  const max = Math.max(1_000, ...rows.map((row) => row.p95Ms));
  const share = (ms: number) => `${Math.max(0.5, (ms / max) * 100)}%`;
  const label = (row: StepDurationStat) => `${PRODUCT_LABELS[row.apiProduct]} · ${STATUS_LABELS[row.step]}`;
  const missing = API_PRODUCTS.filter((product) => !rows.some((row) => row.apiProduct === product));
  const note = rows.length > 0 && missing.length > 0 && (
    <p className="mt-3 text-ui text-subtle">
      No samples yet for {listOf(missing.map((product) => PRODUCT_LABELS[product]))}.
    </p>
  );
  return (
    <ChartCard
      title="Step durations"
      description="From a step's report to the next one, for steps reached in this range"
      className="lg:col-span-2"
      chart={
        rows.length === 0 ? (
          <p className="py-8 text-center text-sm text-subtle">No step finished in this range.</p>
        ) : (
          <div className="space-y-3">
            <div
              role="img"
              aria-label="p50 and p95 duration of each workflow step"
              className="grid grid-cols-[auto_1fr_auto] items-center gap-x-3 gap-y-1.5 text-caption"
            >
              {rows.map((row) => (
                <Fragment key={`${row.apiProduct}-${row.step}`}>
                  <span className="whitespace-nowrap text-subtle">{label(row)}</span>
                  <span
                    className="relative h-3"
                    title={`${label(row)}: p50 ${formatStep(row.p50Ms)}, p95 ${formatStep(row.p95Ms)}`}
                  >
                    <span
                      className="absolute inset-y-0 left-0 rounded-sm opacity-45"
                      style={{ width: share(row.p95Ms), background: SERIES[1].color }}
                    />
                    <span
                      className="absolute inset-y-0 left-0 rounded-sm"
                      style={{ width: share(row.p50Ms), background: SERIES[0].color }}
                    />
                  </span>
                  <span className="text-right whitespace-nowrap text-default tabular-nums">
                    <span className="text-subtle">{formatStep(row.p50Ms)}</span> · {formatStep(row.p95Ms)}
                  </span>
                </Fragment>
              ))}
            </div>
            <Legend series={SERIES} />
            {note}
          </div>
        )
      }
      table={
        <>
          <DataTable
            caption="Step durations"
            columns={["Product · step", "Samples", "p50", "p95"]}
            rows={rows.map((row) => ({
              key: `${row.apiProduct}-${row.step}`,
              cells: [label(row), row.samples, formatStep(row.p50Ms), formatStep(row.p95Ms)],
            }))}
          />
          {note}
        </>
      }
    />
  );
}
