// npm start — the built portal on PORT, after migrating DATABASE_URL (or the embedded database).
import { env } from "@/lib/env";
import { openDatabase } from "./lib/database";
import { loadLocalSecrets } from "./lib/local-secrets";
import { startPortal, stopChild } from "./lib/portal-process";

const log = (line: string) => console.log(`[start] ${line}`);
// In production next-auth's URLs must be the public ones; guessing http://localhost would send
// users' browsers to the wrong host. Outside production the guess is convenient and harmless.
if (env.NODE_ENV === "production" && !env.NEXTAUTH_URL) {
  console.error("error: NEXTAUTH_URL is not set. In production set it to the portal's public URL, e.g. NEXTAUTH_URL=https://portal.example.com");
  process.exit(1);
}
const secrets = loadLocalSecrets();
const database = await openDatabase(log);
const portal = startPortal(env.PORT, {
  DATABASE_URL: database.url,
  NEXTAUTH_SECRET: secrets.nextauthSecret,
  NEXTAUTH_URL: env.NEXTAUTH_URL ?? `http://localhost:${env.PORT}`,
  APP_ENCRYPTION_KEY: secrets.encryptionKey,
});

let stopping = false;
async function shutdown(code: number): Promise<void> {
  if (stopping) return;
  stopping = true;
  await stopChild(portal);
  await database.stop();
  process.exit(code);
}
portal.once("exit", (code) => void shutdown(code ?? 1));
process.on("SIGINT", () => void shutdown(0));
process.on("SIGTERM", () => void shutdown(0));
