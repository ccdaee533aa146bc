"use client";

import { scaleBand } from "d3-scale";
import { XLabels, YAxis } from "./axes";
import type { Series } from "./chart-colors";
import { FRAME, PLOT, sparseIndexes } from "./chart-frame";
import { linearScale } from "./linear-scale";

export interface StackedBarChartProps {
  /** What the chart shows, for assistive technology (the table view has the numbers). */
  label: string;
  points: Array<{ key: string; label: string; values: Record<string, number> }>;
  series: Series[];
  formatValue?: (value: number) => string;
}

/** Bars per point, stacked by series, drawn in SVG with d3-scale. */
export function StackedBarChart({
  label,
  points,
  series,
  formatValue = (value) => value.toLocaleString("en-US"),
}: StackedBarChartProps) {
  const x = scaleBand<string>()
    .domain(points.map((point) => point.key))
    .range([PLOT.left, PLOT.right])
    .padding(0.2);
  const max = Math.max(1, ...points.map((point) => series.reduce((sum, s) => sum + (point.values[s.key] ?? 0), 0)));
  const y = linearScale(max, [PLOT.bottom, PLOT.top], { nice: true });
  const shown = sparseIndexes(points.length);

  return (
    <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={label} className="h-auto w-full">
      <YAxis scale={y} format={(value) => (Number.isInteger(value) ? formatValue(value) : "")} />
      {points.map((point) => {
        let base = 0;
        return (
          <g key={point.key}>
            <title>{`${point.label}: ${series.map((s) => `${s.label} ${formatValue(point.values[s.key] ?? 0)}`).join(", ")}`}</title>
            {series.map((s) => {
              const value = point.values[s.key] ?? 0;
              if (value <= 0) return null;
              const top = y(base + value);
              const height = y(base) - top;
              base += value;
              return <rect key={s.key} x={x(point.key)} y={top} width={x.bandwidth()} height={height} fill={s.color} />;
            })}
          </g>
        );
      })}
      <XLabels
        labels={points.flatMap((point, i) =>
          shown.has(i) ? [{ x: (x(point.key) ?? 0) + x.bandwidth() / 2, text: point.label }] : [],
        )}
      />
    </svg>
  );
}
