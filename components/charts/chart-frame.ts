// The drawing box of every chart: as wide as its card (measured, so text keeps its size at any
// width) and a fixed height; the axes sit in fixed margins.
export const FRAME = { width: 640, height: 220, top: 12, right: 12, bottom: 28, left: 48 } as const;

export interface Plot {
  width: number;
  left: number;
  right: number;
  top: number;
  bottom: number;
}

/** The plotting area of a chart `width` pixels wide. */
export function plotOf(width: number): Plot {
  return {
    width,
    left: FRAME.left,
    right: Math.max(FRAME.left + 1, width - FRAME.right),
    top: FRAME.top,
    bottom: FRAME.height - FRAME.bottom,
  };
}

/** About one x label per 64 px (an "Nov 30" or "14:00" and a gap), never more than seven. */
export function labelCount(plot: Plot): number {
  return Math.max(2, Math.min(7, Math.floor((plot.right - plot.left) / 64)));
}

/**
 * At most `count` of the labels, a fixed number of points apart so they sit evenly, counted back
 * from the last point (today, the current hour), which always has its label.
 */
export function sparseIndexes(length: number, count = 7): Set<number> {
  const stride = length <= count ? 1 : Math.ceil((length - 1) / (Math.max(2, count) - 1));
  const shown = new Set<number>();
  for (let i = length - 1; i >= 0; i -= stride) shown.add(i);
  return shown;
}
