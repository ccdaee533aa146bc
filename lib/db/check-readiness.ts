import "server-only";
import { readdir } from "node:fs/promises";
import path from "node:path";
import { logger } from "@/lib/log/logger";
import { getPool } from "./pool";

// Readiness (GET /api/ready), unlike liveness (/api/health): this process may take traffic —
// the database answers and has every migration this build ships with, so a load balancer keeps a
// new version out of rotation until `npm run db:migrate` (or the first start) has run.
export interface Readiness {
  ready: boolean;
  database: "ok" | "unavailable";
  /** Migrations of this build the database has not applied (null: the database did not answer). */
  pendingMigrations: string[] | null;
}

const MIGRATIONS_DIR = path.join(process.cwd(), "prisma", "migrations");
const shippedByDir = new Map<string, Promise<string[]>>();

/** The migrations this build ships (folder names, as lib/db/migrate.ts applies and records them). */
function shippedMigrations(dir: string): Promise<string[]> {
  let names = shippedByDir.get(dir);
  if (!names) {
    // Read at run time from the checkout `npm start` runs in, never traced into the build.
    names = readdir(/* turbopackIgnore: true */ dir, { withFileTypes: true }).then((entries) =>
      entries
        .filter((entry) => entry.isDirectory())
        .map((entry) => entry.name)
        .sort(),
    );
    shippedByDir.set(dir, names);
  }
  return names;
}

export async function checkReadiness(options: { timeoutMs?: number; migrationsDir?: string } = {}): Promise<Readiness> {
  const { timeoutMs = 2_000, migrationsDir = MIGRATIONS_DIR } = options;
  let applied: Set<string>;
  try {
    const { rows } = await Promise.race([
      getPool().query<{ name: string }>(
        `SELECT migration_name AS name FROM "_prisma_migrations" WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
      ),
      new Promise<never>((_, reject) => setTimeout(() => reject(new Error("timeout")), timeoutMs).unref()),
    ]);
    applied = new Set(rows.map((row) => row.name));
  } catch (error) {
    logger.warn({ error }, "readiness: database did not answer");
    return { ready: false, database: "unavailable", pendingMigrations: null };
  }
  const pendingMigrations = (await shippedMigrations(migrationsDir)).filter((name) => !applied.has(name));
  return { ready: pendingMigrations.length === 0, database: "ok", pendingMigrations };
}
