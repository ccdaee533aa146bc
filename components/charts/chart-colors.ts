// Series colours are the design tokens' solid fills, read as CSS variables, so a chart follows
// the light/dark switch like every other surface without a colour of its own.
export const CHART_COLORS = {
  success: "var(--background-color-success-emphasis)",
  danger: "var(--background-color-danger-emphasis)",
  warning: "var(--background-color-warning-emphasis)",
  info: "var(--background-color-info-emphasis)",
  brand: "var(--background-color-brand-emphasis)",
  neutral: "var(--background-color-neutral-emphasis)",
  grid: "var(--border-color-subtle)",
  axis: "var(--text-color-subtle)",
} as const;

export interface Series {
  key: string;
  label: string;
  color: string;
}
