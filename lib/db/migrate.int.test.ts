import { mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import os from "node:os";
import path from "node:path";
import pg from "pg";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { checksumOf, migrate, readMigrations } from "./migrate";

// Each test migrates a database of its own on the test server.
const adminUrl = process.env.TEST_ADMIN_DATABASE_URL!;
const created: string[] = [];

async function freshDatabase(): Promise<string> {
  const name = `migrate_${Date.now()}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`CREATE DATABASE "${name}"`);
  await admin.end();
  created.push(name);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

async function query<T extends pg.QueryResultRow>(url: string, sql: string): Promise<T[]> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query<T>(sql)).rows;
  } finally {
    await client.end();
  }
}

afterAll(async () => {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  for (const name of created) {
    // A non-superuser's FORCE cannot end an autovacuum worker that happens to be in the database
    // (42501 on a server such as CI's Debian PostgreSQL): it finishes soon, so try again.
    for (let attempt = 1; ; attempt += 1) {
      const failed = await admin.query(`DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`).then(
        () => null,
        (error: { code?: string }) => error,
      );
      if (!failed) break;
      if (failed.code !== "42501" || attempt === 10) throw failed;
      await new Promise((resolve) => setTimeout(resolve, 500));
    }
  }
  await admin.end();
});

describe("migrate", () => {
  let url: string;
  beforeAll(async () => {
    url = await freshDatabase();
  });

  it("records each migration the way prisma migrate deploy does", async () => {
    const result = await migrate(url);
    const migrations = await readMigrations();
    expect(result.applied).toEqual(migrations.map((m) => m.name));
    const rows = await query<{
      migration_name: string;
      checksum: string;
      finished_at: Date | null;
      applied_steps_count: number;
      rolled_back_at: Date | null;
    }>(
      url,
      `SELECT migration_name, checksum, finished_at, applied_steps_count, rolled_back_at FROM "_prisma_migrations" ORDER BY started_at`,
    );
    expect(rows.map((row) => row.migration_name)).toEqual(migrations.map((m) => m.name));
    for (const [index, row] of rows.entries()) {
      expect(row.checksum).toBe(migrations[index].checksum);
      expect(row.checksum).toMatch(/^[0-9a-f]{64}$/);
      expect(row.finished_at).toBeInstanceOf(Date);
      expect(row.applied_steps_count).toBe(1);
      expect(row.rolled_back_at).toBeNull();
    }
  });

  it("is a no-op the second time", async () => {
    const result = await migrate(url);
    expect(result.applied).toEqual([]);
  });

  it("applies nothing twice when two processes start at once", async () => {
    const concurrent = await freshDatabase();
    const results = await Promise.all([migrate(concurrent), migrate(concurrent), migrate(concurrent)]);
    const applied = results.flatMap((result) => result.applied);
    expect(applied.sort()).toEqual((await readMigrations()).map((m) => m.name).sort());
    const rows = await query<{ count: string }>(concurrent, `SELECT count(*) FROM "_prisma_migrations"`);
    expect(Number(rows[0].count)).toBe(applied.length);
  });

  it("leaves the database as it was when a migration fails", async () => {
    const target = await freshDatabase();
    const dir = mkdtempSync(path.join(os.tmpdir(), "migrations-"));
    mkdirSync(path.join(dir, "001_good"));
    writeFileSync(path.join(dir, "001_good", "migration.sql"), `CREATE TABLE "good" ("id" INTEGER);`);
    mkdirSync(path.join(dir, "002_bad"));
    writeFileSync(
      path.join(dir, "002_bad", "migration.sql"),
      `CREATE TABLE "half" ("id" INTEGER);\nSELECT no_such_function();`,
    );
    await expect(migrate(target, { dir })).rejects.toThrow(/002_bad failed and was rolled back/);
    const tables = await query<{ table_name: string }>(
      target,
      `SELECT table_name FROM information_schema.tables WHERE table_schema = 'public' ORDER BY 1`,
    );
    expect(tables.map((t) => t.table_name)).toEqual(["_prisma_migrations", "good"]);
    const history = await query<{ migration_name: string }>(target, `SELECT migration_name FROM "_prisma_migrations"`);
    expect(history.map((row) => row.migration_name)).toEqual(["001_good"]);
  });

  it("computes Prisma's checksum: SHA-256 of migration.sql, hex", () => {
    expect(checksumOf("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
  });
});
