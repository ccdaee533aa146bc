import path from "node:path";
import { applyRuntimeEnv, env } from "@/lib/env";
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

  const inboundWebhookUrl = `http://127.0.0.1:${options.portalPort}/api/webhooks/${DEMO_WORKSPACE_ID}`;
  const simulator = await startSimulator({
    port: options.simulatorPort,
    apiKey: secrets.simulatorApiKey,
    speed: options.speed,
    autopilotPerMinute: options.autopilotPerMinute,
    webhook: { url: inboundWebhookUrl, secret: secrets.inboundSecret },
    log: (line) => log(`[simulator] ${line}`),
  });
  await seedDemo({
    password: env.DEMO_PASSWORD,
    apiKey: secrets.demoApiKey,
    inboundSecret: secrets.inboundSecret,
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
    // The one Jobs API this stack offers its workspaces: its own simulator.
    JOBS_API_BASE_URLS: simulator.url,
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
    email: DEMO_EMAIL,
    password: env.DEMO_PASSWORD,
    secrets,
    stop,
  };
}
