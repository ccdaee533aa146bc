import { randomBytes } from "node:crypto";
import { existsSync, readdirSync } from "node:fs";
import path from "node:path";
import pg from "pg";
import { type EmbeddedPostgres, removeDataDir, startEmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";
import { isProcessAlive } from "./is-process-alive";

// Integration tests get a fresh, migrated database of their own on a real PostgreSQL server:
// the embedded one (a private server per run under .data/test-postgres-<pid>, so two runs at once
// never share or stop each other's server), or the server that DATABASE_URL names. With
// DIRECT_DATABASE_URL beside it (DATABASE_URL then names a transaction pooler in front of the same
// server, as in CI's PgBouncer leg), the database is created, migrated and dropped directly, and
// the tests get both URLs pointed at it.
let embedded: EmbeddedPostgres | null = null;
let adminUrl: string;
let database: string;

export async function setup(): Promise<void> {
  database = `jobs_portal_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  const direct = (external && process.env.DIRECT_DATABASE_URL) || undefined;
  if (external) {
    adminUrl = direct ?? external;
  } else {
    removeStaleRuns();
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(`.data/test-postgres-${process.pid}`),
      database: "postgres",
      ephemeral: true,
    });
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const withDatabase = (server: string) => {
    const url = new URL(server);
    url.pathname = `/${database}`;
    return url.toString();
  };
  process.env.DATABASE_URL = withDatabase(external ?? adminUrl);
  if (direct) process.env.DIRECT_DATABASE_URL = withDatabase(direct);
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  await migrate(withDatabase(adminUrl));
}

export async function teardown(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
}

/** Data directories of earlier runs that were killed before their teardown. */
function removeStaleRuns(): void {
  const dataRoot = path.resolve(".data");
  if (!existsSync(dataRoot)) return;
  for (const name of readdirSync(dataRoot)) {
    const pid = /^test-postgres-(\d+)$/.exec(name)?.[1];
    if (!pid || isProcessAlive(Number(pid))) continue;
    removeDataDir(path.join(dataRoot, name));
  }
}
