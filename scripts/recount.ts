// npm run db:recount [-- <workspaceId>] — rebuilds the job counters (JobCounter: the overview's
// figures and the exact counts) from the jobs, for every workspace or one. The ingest keeps them in
// step with the jobs; this is the repair, after jobs were written some other way (a restore, a
// manual fix). Idempotent, and safe while the portal runs: ingest waits for it (seconds at a
// million jobs). On DATABASE_URL, else the embedded database of `npm run demo`.
import path from "node:path";
import { applyRuntimeEnv, env } from "@/lib/env";
import { openDatabase } from "./lib/database";
import { DATA_DIR } from "./lib/local-secrets";
import { runningEmbeddedUrl } from "./lib/running-embedded";

const workspaceId = process.argv[2]?.trim() || undefined;

if (!env.DATABASE_URL) {
  const running = runningEmbeddedUrl(path.join(DATA_DIR, "postgres"), "jobs_portal");
  if (running) applyRuntimeEnv({ DATABASE_URL: running });
}
const database = await openDatabase(() => undefined);
applyRuntimeEnv({ DATABASE_URL: database.url });

const { recountJobCounters } = await import("@/lib/insight/recount-job-counters");
const { closePool } = await import("@/lib/db/pool");
try {
  const started = performance.now();
  const rows = await recountJobCounters(workspaceId);
  console.log(
    `Recounted the job counters of ${workspaceId ? `workspace ${workspaceId}` : "every workspace"}: ${rows.toLocaleString("en-US")} counter rows in ${Math.round(performance.now() - started)} ms.`,
  );
} finally {
  await closePool();
  await database.stop();
}
