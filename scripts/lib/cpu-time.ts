import { readdirSync, readFileSync } from "node:fs";

// CPU time of a query, apart from the machine's load: this process's CPU (process.cpuUsage) plus
// what PostgreSQL's backends ran, and how long they waited for a CPU, from the scheduler's own
// nanosecond counters (/proc/<pid>/schedstat: time on a CPU, time waiting in the run queue).
// On a shared machine a query's wall time is its CPU time plus its share of everyone's queue.

export interface CpuClock {
  /** Milliseconds of CPU this process and the backends have used, and the backends' run-queue wait. */
  read(): { cpuMs: number; waitMs: number };
}

function schedstat(pid: number): [number, number] {
  try {
    const [run, wait] = readFileSync(`/proc/${pid}/schedstat`, "utf8").split(" ").map(Number);
    return [run / 1e6, wait / 1e6];
  } catch {
    return [0, 0]; // gone
  }
}

/** PostgreSQL's connection backends now: the postmaster's children whose title is not a background worker's. */
function backendsOf(postmaster: number): number[] {
  const pids: number[] = [];
  for (const entry of readdirSync("/proc")) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, "utf8");
      if (Number(stat.slice(stat.lastIndexOf(")") + 2).split(" ")[1]) !== postmaster) continue;
      const title = readFileSync(`/proc/${entry}/cmdline`, "utf8");
      if (!/checkpointer|background writer|walwriter|autovacuum|logical replication|stats|io worker/.test(title))
        pids.push(Number(entry));
    } catch {
      // gone meanwhile
    }
  }
  return pids;
}

/** A clock over this process and the backends open now (call it once the pools have their connections). */
export function cpuClock(postmaster: number): CpuClock {
  const backends = backendsOf(postmaster);
  return {
    read() {
      const own = process.cpuUsage();
      let cpuMs = (own.user + own.system) / 1000;
      let waitMs = 0;
      for (const pid of backends) {
        const [run, wait] = schedstat(pid);
        cpuMs += run;
        waitMs += wait;
      }
      return { cpuMs, waitMs };
    },
  };
}
