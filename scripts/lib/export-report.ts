import type { PortalFigures } from "./csv-export-bench";
import { mb } from "./portal-memory";

/** #14's targets for what the production portal serves. */
const FIRST_LOAD_KB = 230;
const ROWS_PER_SECOND = 50_000;
const PEAK_RSS_MB = 300;

const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const verdict = (ok: boolean) => (ok ? "ok" : "MISS");

/** The overview's first-load JS, each export round, and the spread of the rounds, beside the targets. */
export function printPortalFigures({ firstLoad, baselineRss, rounds, paused }: PortalFigures): void {
  const kb = firstLoad.bytes / 1024;
  console.log("\nThrough the production portal (HTTP)");
  console.log(
    `  overview first-load JS: ${kb.toFixed(1)} kB gzip in ${firstLoad.scripts} scripts   target ≤ ${FIRST_LOAD_KB} kB ${verdict(kb <= FIRST_LOAD_KB)}`,
  );
  console.log(`  CSV export of every job (gzip, as browsers ask); the portal idles at ${mb(baselineRss)} resident`);
  console.log(
    `  ${"round".padEnd(6)} ${"rows".padStart(10)} ${"seconds".padStart(8)} ${"rows/s".padStart(9)} ${"1st byte".padStart(9)} ${"peak RSS".padStart(9)}   load`,
  );
  for (const [index, round] of rounds.entries()) {
    console.log(
      `  ${String(index + 1).padEnd(6)} ${round.rows.toLocaleString().padStart(10)} ${round.seconds.toFixed(1).padStart(8)} ` +
        `${Math.round(round.rowsPerSecond).toLocaleString().padStart(9)} ${`${Math.round(round.firstByteMs)} ms`.padStart(9)} ` +
        `${mb(round.peakRss).padStart(9)}   ${`${round.cpu.portal.toFixed(1)} / ${round.cpu.postgres.toFixed(1)}`.padEnd(23)}   ${round.load.toFixed(1)}`,
    );
  }
  if (rounds.length === 0) return;
  const rates = rounds.map((round) => round.rowsPerSecond);
  const peaks = rounds.map((round) => round.peakRss);
  const spread = (values: number[], format: (value: number) => string) =>
    `min ${format(Math.min(...values))}, median ${format(median(values))}, max ${format(Math.max(...values))}`;
  const rate = (value: number) => Math.round(value).toLocaleString();
  console.log(
    `  rows/s:   ${spread(rates, rate)}   target ≥ ${ROWS_PER_SECOND.toLocaleString()} ${verdict(Math.min(...rates) >= ROWS_PER_SECOND)}`,
  );
  console.log(
    `  peak RSS: ${spread(peaks, mb)}   target < ${PEAK_RSS_MB} MB ${verdict(Math.max(...peaks) < PEAK_RSS_MB * 2 ** 20)}`,
  );
  console.log(
    `  a client that stops reading after ${mb(paused.received)} for 5 s: the portal's RSS +${mb(Math.max(0, paused.growth))}, ` +
      `CPU in its last 2.5 s: portal ${paused.cpu.portal.toFixed(2)} s, PostgreSQL ${paused.cpu.postgres.toFixed(2)} s (backpressure: reads wait for the client)`,
  );
}
