"use client";

import { XLabels, YAxis } from "./axes";
import type { Series } from "./chart-colors";
import { FRAME, labelCount, plotOf, sparseIndexes } from "./chart-frame";
import { linearScale } from "./linear-scale";
import { useElementWidth } from "./use-element-width";

export interface StackedBarChartProps {
  /** What the chart shows, for assistive technology (the table view has the numbers). */
  label: string;
  points: Array<{ key: string; label: string; values: Record<string, number> }>;
  series: Series[];
  formatValue?: (value: number) => string;
}

/** Bars per point, stacked by series, drawn in SVG at the card's width. */
export function StackedBarChart({
  label,
  points,
  series,
  formatValue = (value) => value.toLocaleString("en-US"),
}: StackedBarChartProps) {
  const [ref, width] = useElementWidth(FRAME.width);
  const plot = plotOf(width);
  // One slot per point, the bar in its middle 80%.
  const slot = (plot.right - plot.left) / Math.max(1, points.length);
  const bar = slot * 0.8;
  const xOf = (index: number) => plot.left + index * slot + (slot - bar) / 2;
  const max = Math.max(1, ...points.map((point) => series.reduce((sum, s) => sum + (point.values[s.key] ?? 0), 0)));
  const y = linearScale(max, [plot.bottom, plot.top], { nice: true });
  const shown = sparseIndexes(points.length, labelCount(plot));

  return (
    <svg ref={ref} viewBox={`0 0 ${width} ${FRAME.height}`} role="img" aria-label={label} className="h-auto w-full">
      <YAxis plot={plot} scale={y} format={(value) => (Number.isInteger(value) ? formatValue(value) : "")} />
      {points.map((point, index) => {
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
              return <rect key={s.key} x={xOf(index)} y={top} width={bar} height={height} fill={s.color} />;
            })}
          </g>
        );
      })}
      <XLabels
        plot={plot}
        labels={points.flatMap((point, i) => (shown.has(i) ? [{ x: xOf(i) + bar / 2, text: point.label }] : []))}
      />
    </svg>
  );
}
