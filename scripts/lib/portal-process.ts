import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, readdirSync, readFileSync, statSync, writeFileSync } from "node:fs";
import path from "node:path";

const ROOT = process.cwd();
const NEXT_BIN = path.join(ROOT, "node_modules", "next", "dist", "bin", "next");
const PORTAL_SERVER = path.join(ROOT, "scripts", "portal-server.ts");
const SOURCES = [
  "app",
  "components",
  "lib",
  "public",
  "proxy.ts",
  "instrumentation.ts",
  "next.config.mjs",
  "package-lock.json",
  "postcss.config.mjs",
];
const FINGERPRINT_FILE = path.join(ROOT, ".next", "source-fingerprint");

function walk(entry: string, out: string[]): void {
  if (!existsSync(entry)) return;
  const stat = statSync(entry);
  if (stat.isDirectory()) {
    if (entry.endsWith(`${path.sep}generated`)) {
      out.push(entry); // regenerated on every install; its mtime says nothing about our sources
      return;
    }
    for (const child of readdirSync(entry)) walk(path.join(entry, child), out);
  } else {
    out.push(`${entry}:${stat.size}:${stat.mtimeMs}`);
  }
}

function fingerprint(): string {
  const files: string[] = [];
  for (const source of SOURCES) walk(path.join(ROOT, source), files);
  return createHash("sha256").update(files.sort().join("\n")).digest("hex");
}

/** Builds the production portal unless the existing build was made from the same sources. */
export function buildIfNeeded(log: (line: string) => void): void {
  const current = fingerprint();
  const built = existsSync(FINGERPRINT_FILE) ? readFileSync(FINGERPRINT_FILE, "utf8") : "";
  if (built === current && existsSync(path.join(ROOT, ".next", "BUILD_ID"))) {
    log("production build is up to date");
    return;
  }
  log("building the portal (next build) — about a minute on 2 cores");
  const result = spawnSync(process.execPath, [NEXT_BIN, "build"], {
    stdio: "inherit",
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: "1" },
  });
  if (result.status !== 0) throw new Error("next build failed");
  writeFileSync(FINGERPRINT_FILE, current);
}

export interface PortalProcessOptions {
  /** The production build (default), or the app in development mode (npm run dev). */
  mode?: "production" | "development";
  /** `ignore` keeps the portal's own log lines out of a benchmark's output. */
  stdout?: "inherit" | "ignore";
  /** Extra node options, e.g. the benchmark's --cpu-prof. */
  nodeArgs?: string[];
}

/** The portal's own server (scripts/portal-server.ts) on `port`. */
export function startPortal(
  port: number,
  childEnv: Record<string, string>,
  { mode = "production", stdout = "inherit", nodeArgs = [] }: PortalProcessOptions = {},
): ChildProcess {
  const args = [...nodeArgs, "--import", "tsx", PORTAL_SERVER, ...(mode === "development" ? ["--dev"] : [])];
  return spawn(process.execPath, args, {
    stdio: [mode === "development" ? "inherit" : "ignore", stdout, "inherit"],
    env: {
      // glibc gives each thread that allocates (V8's compiler and GC workers, libuv's pool) a malloc
      // arena of its own and seldom hands their memory back: the portal idled 30–40 MB higher, and
      // varied by as much from one start to the next (bench:jobs: 263–309 MB; 257–268 MB with two
      // arenas). An operator's own MALLOC_ARENA_MAX wins.
      MALLOC_ARENA_MAX: "2",
      ...process.env,
      ...childEnv,
      PORT: String(port),
      NEXT_TELEMETRY_DISABLED: "1",
    },
  });
}

export async function waitForHealth(url: string, child: ChildProcess, timeoutMs = 60_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`the portal exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/api/health`);
      if (response.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`the portal did not answer ${url}/api/health within ${timeoutMs / 1000} s`);
}

export function stopChild(child: ChildProcess | null, timeoutMs = 10_000): Promise<void> {
  if (!child || child.exitCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    const timer = setTimeout(() => child.kill("SIGKILL"), timeoutMs);
    child.once("exit", () => {
      clearTimeout(timer);
      resolve();
    });
    child.kill("SIGTERM");
  });
}
