import { CHART_COLORS } from "./chart-colors";
import type { Plot } from "./chart-frame";
import type { LinearScale } from "./linear-scale";

/** Horizontal grid lines with their values at the left. */
export function YAxis({ plot, scale, format }: { plot: Plot; scale: LinearScale; format: (value: number) => string }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group takes no focus; the chart's table view has these values.
    <g aria-hidden="true">
      {scale.ticks(4).map((tick) => (
        <g key={tick} transform={`translate(0,${scale(tick)})`}>
          <line x1={plot.left} x2={plot.right} stroke={CHART_COLORS.grid} />
          <text x={plot.left - 6} dy="0.32em" textAnchor="end" fontSize={11} fill={CHART_COLORS.axis}>
            {format(tick)}
          </text>
        </g>
      ))}
    </g>
  );
}

/** Labels under the x positions given (already thinned out). */
export function XLabels({ plot, labels }: { plot: Plot; labels: Array<{ x: number; text: string }> }) {
  return (
    // biome-ignore lint/a11y/noAriaHiddenOnFocusable: an SVG group takes no focus; the chart's table view has these values.
    <g aria-hidden="true">
      {labels.map((label) => (
        <text key={label.x} x={label.x} y={plot.bottom + 18} textAnchor="middle" fontSize={11} fill={CHART_COLORS.axis}>
          {label.text}
        </text>
      ))}
    </g>
  );
}
