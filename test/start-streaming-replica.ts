import { spawnSync } from "node:child_process";
import {
  copyFileSync,
  existsSync,
  lstatSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import path from "node:path";
import pg from "pg";
import { type EmbeddedPostgres, removeDataDir, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { isProcessAlive } from "./is-process-alive";

// Integration-test support: a primary and a streaming replica of it, both real PostgreSQL servers
// of the embedded-postgres package, for a test file of their own (the shared test server is not
// touched). The package ships no pg_basebackup, so the replica starts as a file copy of the
// primary's data directory taken while the primary is cleanly shut down (a consistent copy: its
// WAL ends with the shutdown checkpoint), with standby.signal and a primary_conninfo; initdb's
// defaults already allow it (wal_level=replica, max_wal_senders=10, replication from
// 127.0.0.1 in pg_hba.conf). The standby's directory sits beside the primary's real one, which
// the postgres OS user can reach when tests run as root (embedded-postgres.ts).
export interface StreamingReplica {
  /** The migrated database on the primary. */
  primaryUrl: string;
  /** The same database on the replica (read-only). */
  replicaUrl: string;
  /** Stop replaying WAL (`pg_wal_replay_pause()`): the replica keeps answering with what it had. */
  pauseReplay(): Promise<void>;
  resumeReplay(): Promise<void>;
  /** Resolves once the replica has replayed everything the primary had written when it was called. */
  waitUntilCaughtUp(): Promise<void>;
  stopReplica(): Promise<void>;
  stop(): Promise<void>;
}

const DATABASE = "jobs_portal";

function standbyDirOf(primaryDataDir: string): string {
  return `${primaryDataDir}-standby`;
}

/** Directories of earlier runs that were killed before they could remove them. */
function removeStaleRuns(dataRoot: string): void {
  if (!existsSync(dataRoot)) return;
  for (const name of readdirSync(dataRoot)) {
    const pid = /^test-replica-(\d+)$/.exec(name)?.[1];
    if (!pid || isProcessAlive(Number(pid))) continue;
    const dataDir = path.join(dataRoot, name);
    const real = existsSync(dataDir) && lstatSync(dataDir).isSymbolicLink() ? realpathSync(dataDir) : dataDir;
    rmSync(standbyDirOf(real), { recursive: true, force: true });
    rmSync(`${standbyDirOf(real)}.password`, { force: true });
    removeDataDir(dataDir);
  }
}

async function withClient<T>(url: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

/** A copy of a cleanly stopped data directory, owned as the original is, made a standby of `port`. */
function copyAsStandby(primaryDataDir: string, standbyDir: string): void {
  rmSync(standbyDir, { recursive: true, force: true });
  // `cp -a` keeps owners and modes (the postgres OS user's, mode 700, when running as root).
  const copied = spawnSync("cp", ["-a", primaryDataDir, standbyDir], { encoding: "utf8" });
  if (copied.status !== 0) throw new Error(`copying the primary's data directory failed: ${copied.stderr}`);
  rmSync(path.join(standbyDir, "postmaster.pid"), { force: true });
  const signal = path.join(standbyDir, "standby.signal");
  writeFileSync(signal, "");
  if (process.getuid?.() === 0) spawnSync("chown", ["--reference", standbyDir, signal]);
}

export async function startStreamingReplica(): Promise<StreamingReplica> {
  const dataRoot = path.resolve(".data");
  removeStaleRuns(dataRoot);
  const primaryDir = path.join(dataRoot, `test-replica-${process.pid}`);
  const password = () => readFileSync(`${primaryDir}.password`, "utf8").trim();

  const first = await startEmbeddedPostgres({ dataDir: primaryDir, database: DATABASE, fresh: true });
  await migrate(first.url);
  const { port, dataDir: primaryRealDir } = first;
  await first.stop();
  const standbyDir = standbyDirOf(primaryRealDir);
  copyAsStandby(primaryRealDir, standbyDir);
  copyFileSync(`${primaryDir}.password`, `${standbyDir}.password`);

  const primary: EmbeddedPostgres = await startEmbeddedPostgres({ dataDir: primaryDir, database: DATABASE, port });
  const replica: EmbeddedPostgres = await startEmbeddedPostgres({
    dataDir: standbyDir,
    database: DATABASE,
    settings: {
      primary_conninfo: `host=127.0.0.1 port=${port} user=postgres password=${password()} application_name=test_replica`,
    },
  });

  const onReplica = (sql: string) => withClient(replica.url, (client) => client.query(sql)).then(() => undefined);
  return {
    primaryUrl: primary.url,
    replicaUrl: replica.url,
    pauseReplay: () => onReplica("SELECT pg_wal_replay_pause()"),
    resumeReplay: () => onReplica("SELECT pg_wal_replay_resume()"),
    async waitUntilCaughtUp() {
      const target = await withClient(primary.url, async (client) => {
        const { rows } = await client.query<{ position: string }>("SELECT pg_current_wal_lsn()::text AS position");
        return rows[0].position;
      });
      await withClient(replica.url, async (client) => {
        for (let attempt = 0; attempt < 600; attempt += 1) {
          const { rows } = await client.query<{ reached: boolean }>(
            "SELECT pg_last_wal_replay_lsn() >= $1::pg_lsn AS reached",
            [target],
          );
          if (rows[0].reached) return;
          await new Promise((resolve) => setTimeout(resolve, 50));
        }
        throw new Error(`the replica did not replay up to ${target} in 30 s`);
      });
    },
    stopReplica: () => replica.stop(),
    async stop() {
      await Promise.all([replica.stop(), primary.stop()]);
      rmSync(standbyDir, { recursive: true, force: true });
      rmSync(`${standbyDir}.password`, { force: true });
      removeDataDir(primaryDir);
    },
  };
}
