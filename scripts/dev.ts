// npm run dev — the portal in development mode (hot reload) on DATABASE_URL or the embedded database.
import { applyRuntimeEnv, env } from "@/lib/env";
import { openDatabase } from "./lib/database";
import { loadLocalSecrets } from "./lib/local-secrets";
import { startPortal, stopChild } from "./lib/portal-process";

const log = (line: string) => console.log(`[dev] ${line}`);
const secrets = loadLocalSecrets();
const database = await openDatabase(log);
applyRuntimeEnv({
  DATABASE_URL: database.url,
  APP_ENCRYPTION_KEY: secrets.encryptionKey,
  NEXTAUTH_SECRET: secrets.nextauthSecret,
  NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  // The demo database's workspace is connected to the simulator (npm run simulator, or a demo
  // running beside): allowed here too, so Settings does not call its connection "not allowed".
  JOBS_API_BASE_URLS: [...env.JOBS_API_BASE_URLS, `http://127.0.0.1:${env.SIMULATOR_PORT}`].join(","),
});
const next = startPortal(env.PORT, {}, { mode: "development" });

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stopChild(next);
  await database.stop();
  process.exit(code);
}
next.once("exit", (code) => void shutdown(code ?? 0));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
