import os from "node:os";
import { median, type PhaseSummary, type Target } from "./ingest-load";

// bench:ingest's table: every round of every phase, the medians, and the ratios the targets are
// set in (portal against the floor and the reference; each switched-off part against the portal).

export interface RoundRow extends PhaseSummary {
  round: number;
  load: string;
  /** CPU µs per request answered in the phase: the receiving server's, PostgreSQL's, this load generator's. */
  cpu: { server: number; postgres: number; background: number; client: number };
}

export interface ReportOptions {
  connections: number;
  rounds: number;
  seconds: number;
  switchOff: string[];
  /** The name of the phase spread over several portal processes (--processes), compared with one portal. */
  spread: string;
}

/** The name of the portal process with `part` of ingest switched off. */
export const variantName = (part: string) => `portal-no-${part.replace(/\+/g, "_")}`;

export function printIngestReport(rows: RoundRow[], targets: Target[], options: ReportOptions): void {
  console.log(
    `\nInbound webhook ingest — ${options.connections} connections, ${options.rounds} rounds × ${options.seconds} s per phase, loopback, ${os.cpus().length} cores`,
  );
  console.log(
    "round phase                events/s    p50 ms   p99 ms   answered  other answers  load (1 min)  CPU µs/request: server  PostgreSQL (+ background)  load generator",
  );
  for (const row of rows) {
    console.log(
      `${String(row.round).padStart(5)} ${row.name.padEnd(18)} ${row.perSecond.toFixed(0).padStart(9)} ${row.p50.toFixed(1).padStart(9)} ${row.p99.toFixed(1).padStart(8)} ${String(row.good).padStart(10)}  ${row.other.padEnd(13)}  ${row.load.padEnd(12)}  ${row.cpu.server.toFixed(0).padStart(21)} ${row.cpu.postgres.toFixed(0).padStart(11)} ${`(+${row.cpu.background.toFixed(0)})`.padStart(14)} ${row.cpu.client.toFixed(0).padStart(15)}`,
    );
  }
  const medianOf = (name: string, key: "perSecond" | "p50" | "p99") =>
    median(rows.filter((row) => row.name === name).map((row) => row[key]));
  console.log("\nmedian of the rounds:");
  const medianCpu = (name: string, key: "server" | "postgres" | "client") =>
    median(rows.filter((row) => row.name === name).map((row) => row.cpu[key]));
  for (const target of targets) {
    console.log(
      `  ${target.name.padEnd(18)} ${medianOf(target.name, "perSecond").toFixed(0).padStart(6)} events/s  p50 ${medianOf(target.name, "p50").toFixed(1)} ms  p99 ${medianOf(target.name, "p99").toFixed(1)} ms` +
        `  CPU µs/request: server ${medianCpu(target.name, "server").toFixed(0)}, PostgreSQL ${medianCpu(target.name, "postgres").toFixed(0)}, load generator ${medianCpu(target.name, "client").toFixed(0)}`,
    );
  }
  const ratio = (a: string, b: string) => {
    const perRound = rows
      .filter((row) => row.name === a)
      .map(
        (row) =>
          row.perSecond /
          (rows.find((other) => other.name === b && other.round === row.round)?.perSecond ?? Number.NaN),
      );
    return `${median(perRound).toFixed(2)} (rounds: ${perRound.map((value) => value.toFixed(2)).join(", ")})`;
  };
  const has = (name: string) => targets.some((target) => target.name === name);
  if (has("portal") && has("floor")) {
    console.log(`portal / floor      ${ratio("portal", "floor")}  target ≥ 0.85`);
    console.log(
      `portal p99 / floor p99  ${(medianOf("portal", "p99") / medianOf("floor", "p99")).toFixed(2)}  target ≤ 1.5`,
    );
  }
  if (has("portal") && has("reference"))
    console.log(`portal / reference  ${ratio("portal", "reference")}  target ≥ 0.55`);
  if (has("reference") && has("floor")) console.log(`reference / floor   ${ratio("reference", "floor")}`);
  if (has("portal") && has(options.spread))
    console.log(`${options.spread} / portal   ${ratio(options.spread, "portal")}  target ≥ 1 (no contention collapse)`);
  for (const part of options.switchOff)
    if (has("portal")) console.log(`portal-no-${part} / portal  ${ratio(variantName(part), "portal")}`);
}
