import { randomBytes } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import path from "node:path";
import { generateApiKey } from "@/lib/crypto/api-key";
import { generateEncryptionKey } from "@/lib/crypto/secret-box";
import { generateUrlToken, generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { env } from "@/lib/env";

// Secrets the demo generates once and keeps under .data/ (mode 600), so a restart signs in with
// the same session secret and decrypts what it stored. Any of them set in the environment wins.
export interface LocalSecrets {
  nextauthSecret: string;
  encryptionKey: string;
  simulatorApiKey: string;
  inboundSecret: string;
  /** The demo workspace's secret URL token, when the simulator signs nothing (SIMULATOR_SIGNING=none). */
  inboundUrlToken: string;
  demoApiKey: string;
}

export const DATA_DIR = path.resolve(process.cwd(), ".data");

export function loadLocalSecrets(): LocalSecrets {
  const file = path.join(DATA_DIR, "local-secrets.json");
  mkdirSync(DATA_DIR, { recursive: true });
  const stored: Partial<LocalSecrets> = existsSync(file) ? JSON.parse(readFileSync(file, "utf8")) : {};
  const generated: LocalSecrets = {
    nextauthSecret: stored.nextauthSecret ?? randomBytes(32).toString("base64url"),
    encryptionKey: stored.encryptionKey ?? generateEncryptionKey(),
    simulatorApiKey: stored.simulatorApiKey ?? `sim_${randomBytes(18).toString("base64url")}`,
    inboundSecret: stored.inboundSecret ?? generateWebhookSecret(),
    inboundUrlToken: stored.inboundUrlToken ?? generateUrlToken(),
    demoApiKey: stored.demoApiKey ?? generateApiKey(),
  };
  writeFileSync(file, JSON.stringify(generated, null, 2), { mode: 0o600 });
  return {
    nextauthSecret: env.NEXTAUTH_SECRET ?? generated.nextauthSecret,
    encryptionKey: env.APP_ENCRYPTION_KEY ?? generated.encryptionKey,
    simulatorApiKey: env.SIMULATOR_API_KEY ?? generated.simulatorApiKey,
    inboundSecret: env.DEMO_INBOUND_SECRET ?? generated.inboundSecret,
    inboundUrlToken: generated.inboundUrlToken,
    demoApiKey: env.DEMO_API_KEY ?? generated.demoApiKey,
  };
}
