// What the charts need of d3-scale's scaleLinear — a domain from 0, made "nice", mapped to pixels,
// and round tick values — without the interpolators, colours and number formats it brings along
// (several kB of the overview's first-load JS). Ticks step by 1, 2 or 5 × a power of ten, as d3's.
export interface LinearScale {
  (value: number): number;
  ticks(count: number): number[];
}

/** The round step giving about `count` ticks over [0, span]. */
function tickStep(span: number, count: number): number {
  const raw = span / Math.max(1, count);
  const power = 10 ** Math.floor(Math.log10(raw));
  const error = raw / power;
  return power * (error >= Math.sqrt(50) ? 10 : error >= Math.sqrt(10) ? 5 : error >= Math.sqrt(2) ? 2 : 1);
}

/** A multiple of a step without floating-point dust (0.1 × 3 = 0.3, not 0.30000000000000004). */
const times = (step: number, i: number) => (step >= 1 ? step * i : i / Math.round(1 / step));

export function linearScale(max: number, [from, to]: [number, number], options: { nice?: boolean } = {}): LinearScale {
  const span = max > 0 ? max : 1;
  const top = options.nice ? Math.ceil(span / tickStep(span, 10)) * tickStep(span, 10) : span;
  const scale = ((value: number) => from + ((to - from) * value) / top) as LinearScale;
  scale.ticks = (count) => {
    const step = tickStep(top, count);
    return Array.from({ length: Math.floor(top / step + 1e-9) + 1 }, (_, i) => times(step, i));
  };
  return scale;
}
