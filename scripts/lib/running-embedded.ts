import { existsSync, readFileSync } from "node:fs";
import path from "node:path";

/**
 * The URL of the embedded PostgreSQL another process (`npm run demo`, `npm start`) is running on
 * `dataDir`, or null when none runs: its port from the postmaster's pid file, its password from
 * the file beside the data directory. A command that opened the database the usual way would
 * stop that server first (lib/db/embedded-postgres.ts treats it as a leftover).
 */
export function runningEmbeddedUrl(dataDir: string, database: string): string | null {
  const pidFile = path.join(dataDir, "postmaster.pid");
  const passwordFile = `${dataDir}.password`;
  if (!existsSync(pidFile) || !existsSync(passwordFile)) return null;
  const lines = readFileSync(pidFile, "utf8").split("\n");
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || pid <= 0 || !Number.isInteger(port) || port <= 0) return null;
  try {
    process.kill(pid, 0);
  } catch {
    return null;
  }
  const password = readFileSync(passwordFile, "utf8").trim();
  return `postgresql://postgres:${encodeURIComponent(password)}@127.0.0.1:${port}/${database}`;
}
