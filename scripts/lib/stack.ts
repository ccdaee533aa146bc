import path from "node:path";
import { applyRuntimeEnv, env } from "@/lib/env";
import { profileForSimulatorSigning, type SimulatorSigning } from "@/lib/inbound/simulator-profiles";
import type { VerificationProfile } from "@/lib/inbound/schemas";
import { DEMO_EMAIL, DEMO_WORKSPACE_ID, seedDemo } from "@/lib/workspaces/seed-demo";
import { disconnectPrisma } from "@/lib/db/client";
import { closePool } from "@/lib/db/pool";
import { startSimulator } from "@/simulator/server";
import { openDatabase } from "./database";
import { DATA_DIR, loadLocalSecrets, type LocalSecrets } from "./local-secrets";
import { buildIfNeeded, startPortal, stopChild, waitForHealth } from "./portal-process";

export interface StackOptions {
  portalPort: number;
  simulatorPort: number;
  speed: number;
  autopilotPerMinute: number;
  /** How the simulator signs its webhooks, and so how the demo workspace verifies them; default Standard Webhooks. */
  signing?: SimulatorSigning;
  /** Folder under .data/ for the embedded database. */
  databaseDir: string;
  /** Start from an empty database (tests); the demo keeps its data across restarts. */
  fresh: boolean;
  log: (line: string) => void;
}

export interface Stack {
  portalUrl: string;
  simulatorUrl: string;
  inboundWebhookUrl: string;
  /** What verifies the simulator's webhooks, and the secret it uses (for a URL token: the token, already in the URL). */
  inboundProfile: VerificationProfile;
  inboundSecret: string;
  email: string;
  password: string;
  secrets: LocalSecrets;
  stop(): Promise<void>;
}

/**
 * The whole product on one machine: PostgreSQL (embedded unless DATABASE_URL is set), migrations,
 * the demo workspace connected to the simulator, the simulator, and the production portal.
 * Used by `npm run demo` and by the end-to-end tests.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { log } = options;
  const secrets = loadLocalSecrets();
  const portalUrl = `http://localhost:${options.portalPort}`;
  applyRuntimeEnv({
    APP_ENCRYPTION_KEY: secrets.encryptionKey,
    NEXTAUTH_SECRET: secrets.nextauthSecret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? portalUrl,
    ALLOW_PRIVATE_WEBHOOK_URLS: "1",
    PORT: String(options.portalPort),
  });
  const database = await openDatabase(log, {
    dataDir: path.join(DATA_DIR, options.databaseDir),
    fresh: options.fresh,
  });
  applyRuntimeEnv({ DATABASE_URL: database.url });

  // The simulator signs as SIMULATOR_SIGNING says; the demo workspace is connected the matching way,
  // as a user would connect it in Settings (for `none`, a secret URL token instead of a signature).
  const signing = options.signing ?? "standard";
  const inboundProfile = profileForSimulatorSigning(signing);
  const inboundSecret = signing === "none" ? secrets.inboundUrlToken : secrets.inboundSecret;
  const plainUrl = `http://127.0.0.1:${options.portalPort}/api/webhooks/${DEMO_WORKSPACE_ID}`;
  const inboundWebhookUrl = signing === "none" ? `${plainUrl}/${inboundSecret}` : plainUrl;
  const simulator = await startSimulator({
    port: options.simulatorPort,
    apiKey: secrets.simulatorApiKey,
    speed: options.speed,
    autopilotPerMinute: options.autopilotPerMinute,
    webhook: { url: inboundWebhookUrl, secret: inboundSecret, signing },
    log: (line) => log(`[simulator] ${line}`),
  });
  await seedDemo({
    password: env.DEMO_PASSWORD,
    apiKey: secrets.demoApiKey,
    inboundSecret,
    inboundProfile,
    upstreamBaseUrl: simulator.url,
    upstreamApiKey: secrets.simulatorApiKey,
  });
  // The portal process opens its own connections; the launcher's are no longer needed.
  await disconnectPrisma();
  await closePool();

  buildIfNeeded(log);
  const portal = startPortal(options.portalPort, {
    DATABASE_URL: database.url,
    APP_ENCRYPTION_KEY: secrets.encryptionKey,
    NEXTAUTH_SECRET: secrets.nextauthSecret,
    NEXTAUTH_URL: env.NEXTAUTH_URL ?? portalUrl,
    ALLOW_PRIVATE_WEBHOOK_URLS: "1",
  });
  const stop = async () => {
    await simulator.close();
    await stopChild(portal);
    await database.stop();
  };
  try {
    await waitForHealth(portalUrl, portal, 120_000);
  } catch (error) {
    await stop();
    throw error;
  }
  return {
    portalUrl,
    simulatorUrl: simulator.url,
    inboundWebhookUrl,
    inboundProfile,
    inboundSecret,
    email: DEMO_EMAIL,
    password: env.DEMO_PASSWORD,
    secrets,
    stop,
  };
}
