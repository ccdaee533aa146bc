import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";

// CPU time actually spent by processes (Linux /proc), for npm run bench:ingest: on a machine shared
// with other work, throughput and latency move with everyone else's load, while CPU time per event
// (user + system, counted only while the process runs) barely does.
const TICKS_PER_SECOND = 100; // getconf CLK_TCK on Linux

function ticksOf(pid: number): number {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // Fields after the command name (which may hold spaces), counted from field 3: utime is 14, stime 15.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return Number(fields[11]) + Number(fields[12]);
  } catch {
    return 0; // gone
  }
}

/** Whether a PostgreSQL process serves a connection (rather than autovacuum, the checkpointer, the WAL writer…). */
function isBackend(pid: number): boolean {
  try {
    const title = readFileSync(`/proc/${pid}/cmdline`, "utf8");
    return !/autovacuum|checkpointer|background writer|walwriter|logical replication|archiver|stats|io worker/.test(
      title,
    );
  } catch {
    return false;
  }
}

function childrenOf(pid: number): number[] {
  const children: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(path.join("/proc", entry, "stat"), "utf8");
      const parent = Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]);
      if (parent === pid) children.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return children;
}

/** The postmaster of a data directory (first line of postmaster.pid). */
export function postmasterPid(dataDir: string): number {
  return Number(readFileSync(path.join(dataDir, "postmaster.pid"), "utf8").split("\n")[0]);
}

export interface CpuMeter {
  /** CPU seconds since start, per name. */
  stop(): Record<string, number>;
}

/**
 * Starts counting CPU seconds of named processes; `postgres` counts the postmaster's backends (those
 * that exit meanwhile are missed: the pools keep theirs open), `postgresBackground` its other
 * processes (autovacuum, checkpointer, WAL writer: work the load causes, whenever it is done).
 */
export function meterCpu(processes: Record<string, number>, postmaster: number): CpuMeter {
  const read = () => {
    const ticks: Record<string, number> = {};
    for (const [name, pid] of Object.entries(processes)) ticks[name] = ticksOf(pid);
    const backends = new Map(childrenOf(postmaster).map((pid) => [pid, ticksOf(pid)]));
    return { ticks, backends };
  };
  const before = read();
  return {
    stop() {
      const after = read();
      const seconds: Record<string, number> = {};
      for (const name of Object.keys(processes))
        seconds[name] = (after.ticks[name] - before.ticks[name]) / TICKS_PER_SECOND;
      let postgres = 0;
      let background = 0;
      for (const [pid, ticks] of after.backends) {
        const spent = ticks - (before.backends.get(pid) ?? 0);
        if (isBackend(pid)) postgres += spent;
        else background += spent;
      }
      seconds.postgres = postgres / TICKS_PER_SECOND;
      seconds.postgresBackground = background / TICKS_PER_SECOND;
      return seconds;
    },
  };
}
