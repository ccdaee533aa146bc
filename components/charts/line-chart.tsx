"use client";

import { scalePoint } from "d3-scale";
import { area, line } from "d3-shape";
import { XLabels, YAxis } from "./axes";
import type { Series } from "./chart-colors";
import { FRAME, PLOT, sparseIndexes } from "./chart-frame";
import { linearScale } from "./linear-scale";

export interface LineChartProps {
  label: string;
  points: Array<{ key: string; label: string; values: Record<string, number | null> }>;
  series: Series[];
  formatValue: (value: number) => string;
  /** Fixed top of the y axis (1 for rates); default the data's maximum. */
  max?: number;
}

type Point = { x: number; y: number | null };

/** One line per series (gaps where a value is null), the first one with a soft area under it. */
export function LineChart({ label, points, series, formatValue, max }: LineChartProps) {
  const x = scalePoint<string>()
    .domain(points.map((point) => point.key))
    .range([PLOT.left + 8, PLOT.right - 8]);
  const top = max ?? Math.max(0, ...points.flatMap((point) => series.map((s) => point.values[s.key] ?? 0)));
  const y = linearScale(top, [PLOT.bottom, PLOT.top], { nice: true });
  const shown = sparseIndexes(points.length);
  const defined = (point: Point) => point.y !== null;
  const path = line<Point>()
    .defined(defined)
    .x((p) => p.x)
    .y((p) => y(p.y ?? 0));
  const under = area<Point>()
    .defined(defined)
    .x((p) => p.x)
    .y0(PLOT.bottom)
    .y1((p) => y(p.y ?? 0));

  return (
    <svg viewBox={`0 0 ${FRAME.width} ${FRAME.height}`} role="img" aria-label={label} className="h-auto w-full">
      <YAxis scale={y} format={formatValue} />
      {series.map((s, index) => {
        const data = points.map((point) => ({ x: x(point.key) ?? 0, y: point.values[s.key] ?? null }));
        return (
          <g key={s.key}>
            {index === 0 && <path d={under(data) ?? undefined} fill={s.color} opacity={0.12} />}
            <path d={path(data) ?? undefined} fill="none" stroke={s.color} strokeWidth={2} strokeLinejoin="round" />
            {data.map((p, i) =>
              p.y === null ? null : (
                <circle key={points[i].key} cx={p.x} cy={y(p.y)} r={points.length > 40 ? 0 : 2.5} fill={s.color}>
                  <title>{`${points[i].label}: ${s.label} ${formatValue(p.y)}`}</title>
                </circle>
              ),
            )}
          </g>
        );
      })}
      <XLabels
        labels={points.flatMap((point, i) => (shown.has(i) ? [{ x: x(point.key) ?? 0, text: point.label }] : []))}
      />
    </svg>
  );
}
