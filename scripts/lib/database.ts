import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { env } from "@/lib/env";
import { DATA_DIR } from "./local-secrets";

export interface Database {
  url: string;
  embedded: boolean;
  stop(): Promise<void>;
}

/** One line naming what is wrong with a database URL, instead of a stack trace. */
export function describeDatabaseError(url: string, error: unknown): string {
  let where = "the database";
  try {
    const parsed = new URL(url);
    where = `${parsed.hostname}:${parsed.port || 5432}${parsed.pathname}`;
  } catch {
    return "DATABASE_URL is not a valid URL (expected postgresql://user:password@host:port/database)";
  }
  const code = (error as { code?: string }).code;
  const message = error instanceof Error ? error.message : String(error);
  switch (code) {
    case "ECONNREFUSED":
      return `cannot reach PostgreSQL at ${where}: connection refused — is the server running?`;
    case "ENOTFOUND":
      return `cannot reach PostgreSQL at ${where}: host not found`;
    case "28P01":
    case "28000":
      return `PostgreSQL at ${where} refused the credentials in DATABASE_URL`;
    case "3D000":
      return `database ${where} does not exist — create it first`;
    default:
      return `cannot use PostgreSQL at ${where}: ${message}`;
  }
}

async function checkReachable(url: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 5_000 });
  try {
    await client.connect();
    await client.query("SELECT 1");
  } finally {
    await client.end().catch(() => undefined);
  }
}

/**
 * The database the portal runs on, migrated: DATABASE_URL's server, or the embedded PostgreSQL
 * under .data/postgres when it is unset. Exits the process with one clear line when unusable.
 */
export async function openDatabase(
  log: (line: string) => void,
  options: { dataDir?: string; fresh?: boolean } = {},
): Promise<Database> {
  let database: Database;
  if (env.DATABASE_URL) {
    const url = env.DATABASE_URL;
    try {
      await checkReachable(url);
    } catch (error) {
      fail(describeDatabaseError(url, error));
    }
    database = { url, embedded: false, stop: async () => undefined };
  } else {
    const embedded = await startEmbeddedPostgres({
      dataDir: options.dataDir ?? path.join(DATA_DIR, "postgres"),
      database: "jobs_portal",
      fresh: options.fresh,
      log,
    }).catch((error: unknown) =>
      fail(`the embedded PostgreSQL did not start: ${error instanceof Error ? error.message : error}`),
    );
    database = { url: embedded.url, embedded: true, stop: () => embedded.stop() };
  }
  try {
    // The migrator holds an advisory lock across its transactions: a session, so never through a
    // transaction pooler (DIRECT_DATABASE_URL names the database directly when DATABASE_URL does not).
    const result = await migrate((!database.embedded && env.DIRECT_DATABASE_URL) || database.url, { log });
    if (result.applied.length === 0) log(`database is up to date (${result.alreadyApplied} migrations)`);
  } catch (error) {
    await database.stop();
    fail(error instanceof Error ? error.message : String(error));
  }
  return database;
}

export function fail(line: string): never {
  process.stderr.write(`error: ${line}\n`);
  process.exit(1);
}
