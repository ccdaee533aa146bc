// tsx scripts/summarise-cpu-profile.ts <file.cpuprofile> [--from S] [--to S] [--events N]
// Reads a V8 CPU profile (node --cpu-prof; npm run bench:ingest --cpu-prof writes the portal's)
// and prints where the CPU went between second S and second S' of the profile: idle, garbage
// collection, and self time by owner — Node's own internals, each npm package, each of this
// project's files (through the production build's source maps). With --events N, per event.
// Without --from/--to it prints a per-second timeline of busy time, to pick the window.
import { existsSync, readFileSync } from "node:fs";
import { SourceMap } from "node:module";
import path from "node:path";
import { fileURLToPath } from "node:url";

interface CallFrame {
  functionName: string;
  url: string;
  lineNumber: number;
  columnNumber: number;
}
interface ProfileNode {
  id: number;
  callFrame: CallFrame;
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const argument = (name: string) => {
  const index = process.argv.indexOf(name);
  return index >= 0 ? Number(process.argv[index + 1]) : null;
};
const file = process.argv[2];
if (!file)
  throw new Error("usage: tsx scripts/summarise-cpu-profile.ts <file.cpuprofile> [--from S] [--to S] [--events N]");
const profile = JSON.parse(readFileSync(file, "utf8")) as Profile;
const nodes = new Map(profile.nodes.map((node) => [node.id, node]));

// Source maps of the build's chunks, loaded once each.
const maps = new Map<string, SourceMap | null>();
function sourceMapOf(url: string): SourceMap | null {
  if (!maps.has(url)) {
    let map: SourceMap | null = null;
    const local = url.startsWith("file://") ? fileURLToPath(url) : url;
    if (local.includes(`${path.sep}.next${path.sep}`) && existsSync(`${local}.map`)) {
      try {
        map = new SourceMap(JSON.parse(readFileSync(`${local}.map`, "utf8")));
      } catch {
        map = null;
      }
    }
    maps.set(url, map);
  }
  return maps.get(url) ?? null;
}

/** Who owns a frame: a special bucket, node's internals, a package, or a file of ours. */
function ownerOf(frame: CallFrame): string {
  const { url, functionName } = frame;
  if (!url) return functionName.startsWith("(") ? functionName : `(native) ${functionName || "anonymous"}`;
  if (url.startsWith("node:"))
    return url
      .replace(/^node:(internal\/)?/, "node:")
      .split("/")
      .slice(0, 2)
      .join("/");
  let source = url;
  const map = sourceMapOf(url);
  if (map) {
    const entry = map.findEntry(frame.lineNumber, frame.columnNumber) as { originalSource?: string };
    if (entry.originalSource) source = entry.originalSource;
  }
  const modules = source.lastIndexOf("node_modules/");
  if (modules >= 0) {
    const parts = source.slice(modules + "node_modules/".length).split("/");
    return parts[0].startsWith("@") ? `${parts[0]}/${parts[1]}` : parts[0];
  }
  const project = source
    .replace(/^.*?\[project\]\//, "")
    .replace(/^file:\/\/.*?\/wt\/[^/]+\//, "")
    .replace(/^turbopack:\/\/+/, "");
  return project.includes(".next/") ? "(next build runtime)" : project;
}

const parents = new Map<number, number>();
for (const node of profile.nodes) for (const child of node.children ?? []) parents.set(child, node.id);
const times: Array<{ at: number; owner: string; node: ProfileNode }> = [];
let clock = 0;
for (const [index, id] of profile.samples.entries()) {
  clock += profile.timeDeltas[index];
  const node = nodes.get(id);
  if (node) times.push({ at: clock / 1e6, owner: "", node });
}

const from = argument("--from");
const to = argument("--to");
if (from === null || to === null) {
  console.log("second  busy ms (not idle, not (program))");
  const busy = new Map<number, number>();
  let previous = 0;
  for (const sample of times) {
    const delta = (sample.at - previous) * 1000;
    previous = sample.at;
    if (sample.node.callFrame.functionName === "(idle)") continue;
    busy.set(Math.floor(sample.at), (busy.get(Math.floor(sample.at)) ?? 0) + delta);
  }
  for (const [second, ms] of [...busy].sort((a, b) => a[0] - b[0]))
    console.log(`${String(second).padStart(6)}  ${ms.toFixed(0).padStart(5)} ${"#".repeat(Math.round(ms / 20))}`);
  process.exit(0);
}

const byOwner = new Map<string, number>();
const byFunction = new Map<string, number>();
// Inclusive: each function (owner and name) counted once per sample whose stack holds it.
const inclusive = new Map<string, number>();
let previous = 0;
let total = 0;
for (const sample of times) {
  const delta = (sample.at - previous) * 1000;
  previous = sample.at;
  if (sample.at < from || sample.at > to) continue;
  const owner = ownerOf(sample.node.callFrame);
  total += delta;
  byOwner.set(owner, (byOwner.get(owner) ?? 0) + delta);
  const name = `${owner} ${sample.node.callFrame.functionName || "(anonymous)"}`;
  byFunction.set(name, (byFunction.get(name) ?? 0) + delta);
  const onStack = new Set<string>();
  for (let id: number | undefined = sample.node.id; id !== undefined; id = parents.get(id)) {
    const frame = nodes.get(id)?.callFrame;
    if (frame?.url) onStack.add(`${ownerOf(frame)} ${frame.functionName || "(anonymous)"}`);
  }
  for (const key of onStack) inclusive.set(key, (inclusive.get(key) ?? 0) + delta);
}
const events = argument("--events");
const per = (ms: number) => (events ? `${((ms * 1000) / events).toFixed(0).padStart(6)} µs/event` : "");
const idle = byOwner.get("(idle)") ?? 0;
console.log(
  `window ${from}–${to} s: ${total.toFixed(0)} ms sampled, ${(total - idle).toFixed(0)} ms busy ${per(total - idle)}`,
);
console.log("\nself time by owner:");
for (const [owner, ms] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} % ${per(ms)}  ${owner}`);
}
console.log("\nself time by function:");
for (const [name, ms] of [...byFunction].sort((a, b) => b[1] - a[1]).slice(0, 40)) {
  console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} % ${per(ms)}  ${name}`);
}
console.log("\ninclusive time (self and callees) by function, --inclusive PATTERN to filter:");
const pattern = process.argv.includes("--inclusive")
  ? new RegExp(process.argv[process.argv.indexOf("--inclusive") + 1])
  : null;
for (const [name, ms] of [...inclusive]
  .filter(([key]) => !pattern || pattern.test(key))
  .sort((a, b) => b[1] - a[1])
  .slice(0, 60)) {
  console.log(`${ms.toFixed(0).padStart(8)} ms ${((100 * ms) / total).toFixed(1).padStart(5)} % ${per(ms)}  ${name}`);
}
