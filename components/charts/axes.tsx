import { CHART_COLORS } from "./chart-colors";
import { PLOT } from "./chart-frame";
import type { LinearScale } from "./linear-scale";

/** Horizontal grid lines with their values at the left. */
export function YAxis({ scale, format }: { scale: LinearScale; format: (value: number) => string }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group takes no focus; the chart's table view has these values.
    <g aria-hidden="true">
      {scale.ticks(4).map((tick) => (
        <g key={tick} transform={`translate(0,${scale(tick)})`}>
          <line x1={PLOT.left} x2={PLOT.right} stroke={CHART_COLORS.grid} />
          <text x={PLOT.left - 6} dy="0.32em" textAnchor="end" fontSize={11} fill={CHART_COLORS.axis}>
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Labels under the x positions given (already thinned out). */
export function XLabels({ labels }: { labels: Array<{ x: number; text: string }> }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group takes no focus; the chart's table view has these values.
    <g aria-hidden="true">
      {labels.map((label) => (
        <text key={label.x} x={label.x} y={PLOT.bottom + 18} textAnchor="middle" fontSize={11} fill={CHART_COLORS.axis}>
          {label.text}
        </text>
      ))}
    </g>
  );
}
