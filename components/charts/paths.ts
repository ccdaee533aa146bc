// SVG path data for line charts: a polyline through the points, broken where a value is missing,
// and the area under each unbroken run. What the charts used of d3-shape, in a few lines.
export interface PathPoint {
  x: number;
  y: number | null;
}

/** The unbroken runs of defined points. */
function runs(points: PathPoint[]): Array<Array<{ x: number; y: number }>> {
  const found: Array<Array<{ x: number; y: number }>> = [];
  let current: Array<{ x: number; y: number }> = [];
  for (const point of points) {
    if (point.y === null) {
      if (current.length > 0) found.push(current);
      current = [];
    } else current.push({ x: point.x, y: point.y });
  }
  if (current.length > 0) found.push(current);
  return found;
}

const at = (point: { x: number; y: number }) => `${point.x},${point.y}`;

/** "M x,y L x,y …" per run; a run of one point draws nothing (its dot shows it). */
export function linePath(points: PathPoint[]): string {
  return runs(points)
    .filter((run) => run.length > 1)
    .map((run) => `M${run.map(at).join("L")}`)
    .join("");
}

/** The area between each run of more than one point and the baseline `y0`. */
export function areaPath(points: PathPoint[], y0: number): string {
  return runs(points)
    .filter((run) => run.length > 1)
    .map((run) => `M${run.map(at).join("L")}L${run[run.length - 1].x},${y0}L${run[0].x},${y0}Z`)
    .join("");
}
