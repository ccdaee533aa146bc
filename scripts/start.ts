// npm start — the built portal on PORT, after migrating DATABASE_URL (or the embedded database).
import { env } from "@/lib/env";
import { fail, openDatabase } from "./lib/database";
import { loadLocalSecrets } from "./lib/local-secrets";
import { missingPublicUrl, portalEnv } from "./lib/portal-env";
import { startPortal, stopChild } from "./lib/portal-process";
import { exitCodeOf, runUntilSignal } from "./lib/run-until-signal";

const log = (line: string) => console.log(`[start] ${line}`);
// Refused before anything is opened or started (the portal server checks again, for `next start` users).
const missing = missingPublicUrl();
if (missing) fail(missing);
const secrets = loadLocalSecrets();
const database = await openDatabase(log);
const portal = startPortal(env.PORT, portalEnv(secrets, `http://localhost:${env.PORT}`, database.url));

runUntilSignal(
  async () => {
    await stopChild(portal);
    await database.stop();
  },
  { until: exitCodeOf(portal, 1) },
);
