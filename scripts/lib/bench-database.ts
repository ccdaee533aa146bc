import path from "node:path";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { applyRuntimeEnv } from "@/lib/env";

export interface BenchDatabase {
  url: string;
  /** The server's data directory (its postmaster.pid names the server's process). */
  dataDir: string;
  /** Closes this process's connections (Prisma and the pools), then stops the server. */
  close(): Promise<void>;
}

/**
 * A benchmark's own embedded PostgreSQL under .data/<dir>, migrated, with this process pointed at
 * it (DATABASE_URL, which lib/db reads on first use — so import lib/db's modules after this).
 * `fresh` starts from an empty data directory; otherwise what an earlier run seeded is kept.
 */
export interface BenchDatabaseOptions {
  fresh?: boolean;
  log?: (line: string) => void;
  /** Extra server settings, e.g. bench:ingest's pg_stat_statements. */
  settings?: Record<string, string>;
}

export async function openBenchDatabase(
  dir: string,
  database: string,
  options: BenchDatabaseOptions = {},
): Promise<BenchDatabase> {
  const server = await startEmbeddedPostgres({
    dataDir: path.resolve(".data", dir),
    database,
    fresh: options.fresh,
    log: options.log,
    settings: options.settings,
  });
  await migrate(server.url);
  applyRuntimeEnv({ DATABASE_URL: server.url });
  return {
    url: server.url,
    dataDir: server.dataDir,
    async close() {
      const [{ disconnectPrisma }, { closePool }] = await Promise.all([
        import("@/lib/db/client"),
        import("@/lib/db/pool"),
      ]);
      await disconnectPrisma();
      await closePool();
      await server.stop();
    },
  };
}
