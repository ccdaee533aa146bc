// npm run user:reset-password -- you@example.com — for the operator of a portal that sends no
// mail (or a user whose mail does not arrive): prints a one-time link (24 hours) that sets a new
// password for that account and signs out its sessions. On DATABASE_URL, else the embedded
// database of `npm run demo` — reached where it runs, since starting it again would stop it.
import path from "node:path";
import { applyRuntimeEnv, env } from "@/lib/env";
import { fail, openDatabase } from "./lib/database";
import { DATA_DIR } from "./lib/local-secrets";
import { runningEmbeddedUrl } from "./lib/running-embedded";

const email = process.argv[2]?.trim();
if (!email?.includes("@")) fail("usage: npm run user:reset-password -- you@example.com");

if (!env.DATABASE_URL) {
  const running = runningEmbeddedUrl(path.join(DATA_DIR, "postgres"), "jobs_portal");
  if (running) applyRuntimeEnv({ DATABASE_URL: running });
}
const database = await openDatabase(() => undefined);
applyRuntimeEnv({ DATABASE_URL: database.url });

const { createOperatorResetLink, OPERATOR_RESET_TTL_HOURS } = await import("@/lib/auth/password-reset");
const { disconnectPrisma } = await import("@/lib/db/client");
const { closePool } = await import("@/lib/db/pool");
try {
  const link = await createOperatorResetLink(email);
  if (!link) fail(`no account has the email ${email}`);
  console.log(
    `One-time password reset link for ${email} (valid ${OPERATOR_RESET_TTL_HOURS} hours; it signs out every session of the account):\n\n  ${link}\n`,
  );
  if (!env.NEXTAUTH_URL)
    console.log(
      `(NEXTAUTH_URL is not set, so the link names http://localhost:${env.PORT}: set NEXTAUTH_URL to the portal's public address if that is not where it runs.)`,
    );
} finally {
  await disconnectPrisma();
  await closePool();
  await database.stop();
}
