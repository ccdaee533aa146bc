"use client";

import { XLabels, YAxis } from "./axes";
import type { Series } from "./chart-colors";
import { FRAME, labelCount, plotOf, sparseIndexes } from "./chart-frame";
import { linearScale } from "./linear-scale";
import { areaPath, linePath } from "./paths";
import { useElementWidth } from "./use-element-width";

export interface LineChartProps {
  label: string;
  points: Array<{ key: string; label: string; values: Record<string, number | null> }>;
  series: Series[];
  formatValue: (value: number) => string;
  /** Fixed top of the y axis (1 for rates); default the data's maximum. */
  max?: number;
}

/** One line per series (gaps where a value is null), the first one with a soft area under it. */
export function LineChart({ label, points, series, formatValue, max }: LineChartProps) {
  const [ref, width] = useElementWidth(FRAME.width);
  const plot = plotOf(width);
  const [from, to] = [plot.left + 8, plot.right - 8];
  const xOf = (index: number) =>
    points.length < 2 ? (from + to) / 2 : from + ((to - from) * index) / (points.length - 1);
  const top = max ?? Math.max(0, ...points.flatMap((point) => series.map((s) => point.values[s.key] ?? 0)));
  const y = linearScale(top, [plot.bottom, plot.top], { nice: true });
  const shown = sparseIndexes(points.length, labelCount(plot));

  return (
    <svg ref={ref} viewBox={`0 0 ${width} ${FRAME.height}`} role="img" aria-label={label} className="h-auto w-full">
      <YAxis plot={plot} scale={y} format={formatValue} />
      {series.map((s, index) => {
        const data = points.map((point, i) => {
          const value = point.values[s.key] ?? null;
          return { x: xOf(i), y: value === null ? null : y(value) };
        });
        return (
          <g key={s.key}>
            {index === 0 && <path d={areaPath(data, plot.bottom)} fill={s.color} opacity={0.12} />}
            <path d={linePath(data)} fill="none" stroke={s.color} strokeWidth={2} strokeLinejoin="round" />
            {data.map((p, i) =>
              p.y === null ? null : (
                <circle key={points[i].key} cx={p.x} cy={p.y} r={points.length > 40 ? 0 : 2.5} fill={s.color}>
                  <title>{`${points[i].label}: ${s.label} ${formatValue(points[i].values[s.key] ?? 0)}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
      <XLabels
        plot={plot}
        labels={points.flatMap((point, i) => (shown.has(i) ? [{ x: xOf(i), text: point.label }] : []))}
      />
    </svg>
  );
}
