import { cpSync, mkdirSync, mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { checkReadiness } from "./check-readiness";
import { DEFAULT_MIGRATIONS_DIR } from "./migrate";

describe("checkReadiness", () => {
  it("is ready with every shipped migration applied", async () => {
    expect(await checkReadiness()).toEqual({ ready: true, database: "ok", pendingMigrations: [] });
  });

  it("is not ready while a migration of this build is not applied, and names it", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "readiness-"));
    cpSync(DEFAULT_MIGRATIONS_DIR, dir, { recursive: true });
    mkdirSync(path.join(dir, "29991231000000_future"));
    writeFileSync(path.join(dir, "29991231000000_future", "migration.sql"), "SELECT 1;");
    expect(await checkReadiness({ migrationsDir: dir })).toEqual({
      ready: false,
      database: "ok",
      pendingMigrations: ["29991231000000_future"],
    });
  });
});
