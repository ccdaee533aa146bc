import { randomBytes } from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres, type EmbeddedPostgres } from "@/lib/db/embedded-postgres";
import { migrate } from "@/lib/db/migrate";

// Integration tests get a fresh, migrated database of their own on a real PostgreSQL server:
// the embedded one under .data/test-postgres, or the server that DATABASE_URL names.
let embedded: EmbeddedPostgres | null = null;
let adminUrl: string;
let database: string;

export async function setup(): Promise<void> {
  database = `jobs_portal_test_${Date.now()}_${randomBytes(3).toString("hex")}`;
  const external = process.env.DATABASE_URL;
  if (external) {
    adminUrl = external;
  } else {
    embedded = await startEmbeddedPostgres({
      dataDir: path.resolve(".data/test-postgres"),
      database: "postgres",
    });
    adminUrl = embedded.url;
  }
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${database}"`);
  await admin.end();

  const url = new URL(adminUrl);
  url.pathname = `/${database}`;
  process.env.DATABASE_URL = url.toString();
  process.env.TEST_ADMIN_DATABASE_URL = adminUrl;
  await migrate(url.toString());
}

export async function teardown(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS "${database}" WITH (FORCE)`);
  await admin.end();
  await embedded?.stop();
}
