// The one drawing box of every chart: a fixed viewBox the SVG scales to its card's width.
export const FRAME = { width: 640, height: 220, top: 12, right: 12, bottom: 28, left: 48 } as const;
export const PLOT = {
  left: FRAME.left,
  right: FRAME.width - FRAME.right,
  top: FRAME.top,
  bottom: FRAME.height - FRAME.bottom,
} as const;

/** At most `count` of the labels, evenly spread, so the x axis never crowds. */
export function sparseIndexes(length: number, count = 7): Set<number> {
  if (length <= count) return new Set(Array.from({ length }, (_, i) => i));
  const step = (length - 1) / (count - 1);
  return new Set(Array.from({ length: count }, (_, i) => Math.round(i * step)));
}
