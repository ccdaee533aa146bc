import { readFileSync, rmSync, writeFileSync } from "node:fs";

// The memory of a portal process while a benchmark drives it. From outside, the kernel's figures
// (/proc/<pid>/status: VmRSS now, VmHWM the peak since the last reset through clear_refs); from
// inside, V8's (heap used and reserved, external and ArrayBuffer memory) and the garbage
// collections so far, written every SAMPLE_MS by a module the portal preloads (`--import` of a
// data: URL, so nothing of the portal's own code or environment changes).

const SAMPLE_MS = 50;

export interface MemorySample {
  /** Date.now() in the portal. */
  t: number;
  rss: number;
  heapUsed: number;
  heapTotal: number;
  external: number;
  arrayBuffers: number;
  /** Collections since the portal started: scavenges (minor), mark-compacts (major), and their total time. */
  minor: number;
  major: number;
  gcMs: number;
}

/** Node options for the portal process: preload the sampler, writing to `file`. */
export function memorySamplerArgs(file: string): string[] {
  rmSync(file, { force: true });
  const source = `
import { appendFileSync } from "node:fs";
import { PerformanceObserver, constants } from "node:perf_hooks";
const gc = { minor: 0, major: 0, gcMs: 0 };
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    gc.gcMs += entry.duration;
    if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MINOR) gc.minor += 1;
    else if (entry.detail?.kind === constants.NODE_PERFORMANCE_GC_MAJOR) gc.major += 1;
  }
}).observe({ entryTypes: ["gc"] });
setInterval(() => {
  const m = process.memoryUsage();
  appendFileSync(${JSON.stringify(file)}, JSON.stringify({ t: Date.now(), rss: m.rss, heapUsed: m.heapUsed,
    heapTotal: m.heapTotal, external: m.external, arrayBuffers: m.arrayBuffers, ...gc }) + "\\n");
}, ${SAMPLE_MS}).unref();`;
  return ["--import", `data:text/javascript,${encodeURIComponent(source)}`];
}

/** The samples written in [from, to] (Date.now() values). */
export function readSamples(file: string, from: number, to: number): MemorySample[] {
  let text = "";
  try {
    text = readFileSync(file, "utf8");
  } catch {
    return [];
  }
  return text
    .split("\n")
    .filter(Boolean)
    .map((line) => JSON.parse(line) as MemorySample)
    .filter((sample) => sample.t >= from && sample.t <= to);
}

function statusField(pid: number, field: "VmRSS" | "VmHWM"): number {
  const line = readFileSync(`/proc/${pid}/status`, "utf8")
    .split("\n")
    .find((entry) => entry.startsWith(`${field}:`));
  return Number(line?.match(/(\d+)/)?.[1] ?? 0) * 1024;
}

/** The kernel's resident set of the process now, and its peak since the last resetPeakRss. */
export const rssNow = (pid: number) => statusField(pid, "VmRSS");
export const peakRss = (pid: number) => statusField(pid, "VmHWM");

/** Starts the peak (VmHWM) over from the current RSS. Linux only; as root or the process's owner. */
export function resetPeakRss(pid: number): boolean {
  try {
    writeFileSync(`/proc/${pid}/clear_refs`, "5");
    return true;
  } catch {
    return false;
  }
}

const mb = (bytes: number) => `${Math.round(bytes / 2 ** 20)} MB`;

/** A line on a round's samples: the peaks of each figure and the collections that ran. */
export function describeSamples(samples: MemorySample[]): string {
  if (samples.length < 2) return "no memory samples";
  const peak = (key: keyof MemorySample) => Math.max(...samples.map((sample) => sample[key]));
  const first = samples[0];
  const last = samples[samples.length - 1];
  return (
    `sampled peaks: rss ${mb(peak("rss"))}, heap used ${mb(peak("heapUsed"))} of ${mb(peak("heapTotal"))} reserved, ` +
    `external ${mb(peak("external"))} (array buffers ${mb(peak("arrayBuffers"))}); ` +
    `GC: ${last.minor - first.minor} minor, ${last.major - first.major} major, ${Math.round(last.gcMs - first.gcMs)} ms`
  );
}

export { mb };
