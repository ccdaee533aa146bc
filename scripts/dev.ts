// npm run dev — the portal in development mode (hot reload) on DATABASE_URL or the embedded database.
import { applyRuntimeEnv, env } from "@/lib/env";
import { openDatabase } from "./lib/database";
import { loadLocalSecrets } from "./lib/local-secrets";
import { portalEnv } from "./lib/portal-env";
import { startPortal, stopChild } from "./lib/portal-process";
import { exitCodeOf, runUntilSignal } from "./lib/run-until-signal";

const log = (line: string) => console.log(`[dev] ${line}`);
const database = await openDatabase(log);
applyRuntimeEnv({
  ...portalEnv(loadLocalSecrets(), `http://localhost:${env.PORT}`, database.url),
  // The demo database's workspace is connected to the simulator (npm run simulator, or a demo
  // running beside): allowed here too, so Settings does not call its connection "not allowed".
  JOBS_API_BASE_URLS: [...env.JOBS_API_BASE_URLS, `http://127.0.0.1:${env.SIMULATOR_PORT}`].join(","),
});
const next = startPortal(env.PORT, {}, { mode: "development" });

runUntilSignal(
  async () => {
    await stopChild(next);
    await database.stop();
  },
  { until: exitCodeOf(next, 0) },
);
