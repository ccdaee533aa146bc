import { env } from "@/lib/env";
import type { LocalSecrets } from "./local-secrets";

/**
 * What every portal process needs from its launcher (npm run dev, npm start, the demo and e2e
 * stack): the session and encryption secrets (the environment's, else those kept under .data/),
 * the public URL (NEXTAUTH_URL as set, else where the launcher serves it), and once it is open,
 * the database.
 */
export function portalEnv(secrets: LocalSecrets, publicUrl: string, databaseUrl?: string): Record<string, string> {
  return {
    APP_ENCRYPTION_KEY: secrets.encryptionKey,
    NEXTAUTH_SECRET: secrets.nextauthSecret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? publicUrl,
    ...(databaseUrl && { DATABASE_URL: databaseUrl }),
  };
}

/**
 * In production next-auth's links and redirects (and HSTS) come from NEXTAUTH_URL; guessing
 * http://localhost would send users' browsers to the wrong host. Outside production the guess is
 * convenient and harmless. Null when the start may go on, else the one line to print.
 */
export function missingPublicUrl(): string | null {
  if (env.NODE_ENV !== "production" || env.NEXTAUTH_URL) return null;
  return "NEXTAUTH_URL is not set: in production it must be the portal's public URL, e.g. NEXTAUTH_URL=https://portal.example.com";
}
