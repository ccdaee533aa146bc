import path from "node:path";
import { disconnectPrisma } from "@/lib/db/client";
import { closePool } from "@/lib/db/pool";
import { type ReceivedMail, startLocalSmtpServer } from "@/lib/email/local-smtp-server";
import { serveLocalInbox } from "@/lib/email/serve-local-inbox";
import { applyRuntimeEnv, env } from "@/lib/env";
import type { VerificationProfile } from "@/lib/inbound/schemas";
import { profileForSimulatorSigning, type SimulatorSigning } from "@/lib/inbound/simulator-profiles";
import { DEMO_EMAIL, DEMO_WORKSPACE_ID, seedDemo } from "@/lib/workspaces/seed-demo";
import { startSimulator } from "@/simulator/server";
import { openDatabase } from "./database";
import { DATA_DIR, type LocalSecrets, loadLocalSecrets } from "./local-secrets";
import { portalEnv } from "./portal-env";
import { buildIfNeeded, startPortal, stopChild, waitForHealth } from "./portal-process";

export interface StackOptions {
  /** Address the portal and the simulator listen on (HOST; default 127.0.0.1, this machine only). */
  host: string;
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
  /**
   * `print` (the demo): the operator's EMAIL_SERVER if set, else a local SMTP server whose mails are
   * printed to the console. `inbox` (the tests): always the local server, its mails served over HTTP.
   */
  mail: "print" | "inbox";
  /** Jobs APIs workspaces may connect to besides this stack's simulator (the e2e tests' second "vendor"). */
  extraJobsApiBaseUrls?: string[];
  /** Extra environment for the portal process (the e2e stack's TRUSTED_PROXIES). */
  portalEnv?: Record<string, string>;
  log: (line: string) => void;
}

export interface Stack {
  portalUrl: string;
  simulatorUrl: string;
  inboundWebhookUrl: string;
  /** What verifies the simulator's webhooks, and the secret it uses (for a URL token: the token, already in the URL). */
  inboundProfile: VerificationProfile;
  inboundSecret: string;
  /** The portal's database (e2e/several-processes.spec.ts makes databases of its own on the same server). */
  databaseUrl: string;
  email: string;
  password: string;
  secrets: LocalSecrets;
  /** Where the portal's mail goes: the local SMTP server's URL, or null for the operator's EMAIL_SERVER. */
  localSmtpUrl: string | null;
  /** `mail: "inbox"` only: the local inbox's HTTP address (lib/email/serve-local-inbox.ts). */
  inboxUrl: string | null;
  stop(): Promise<void>;
}

/** One mail as the demo prints it: who, what, and the links to follow (deliberately, tokens included). */
function printMail(log: (line: string) => void, mail: ReceivedMail): void {
  log(`[mail] to ${mail.to.join(", ")}: ${mail.subject}`);
  for (const link of mail.links) log(`[mail]   ${link}`);
}

/** The host part of a URL that reaches a server listening on `host` from this machine. */
function urlHost(host: string): string {
  if (host === "0.0.0.0" || host === "::") return "localhost";
  return host.includes(":") ? `[${host}]` : host;
}

/**
 * The whole product on one machine: PostgreSQL (embedded unless DATABASE_URL is set), migrations,
 * the demo workspace connected to the simulator, the simulator, and the production portal.
 * Used by `npm run demo` and by the end-to-end tests.
 */
export async function startStack(options: StackOptions): Promise<Stack> {
  const { log } = options;
  const secrets = loadLocalSecrets();
  const portalUrl = `http://${urlHost(options.host)}:${options.portalPort}`;
  // The launcher seeds the demo workspace itself: it needs the portal's secrets too.
  applyRuntimeEnv({
    ...portalEnv(secrets, portalUrl),
    ALLOW_PRIVATE_WEBHOOK_URLS: "1",
    PORT: String(options.portalPort),
  });
  const useLocalMail = options.mail === "inbox" || !env.EMAIL_SERVER;
  const smtp = useLocalMail
    ? await startLocalSmtpServer({ onMail: options.mail === "print" ? (mail) => printMail(log, mail) : undefined })
    : null;
  const inbox = smtp && options.mail === "inbox" ? await serveLocalInbox(smtp) : null;
  const localMailEnv: Record<string, string> = smtp
    ? { EMAIL_SERVER: smtp.url, EMAIL_FROM: "Jobs Portal <portal@localhost>" }
    : {};
  applyRuntimeEnv(localMailEnv);

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
  const plainUrl = `${portalUrl}/api/webhooks/${DEMO_WORKSPACE_ID}`;
  const inboundWebhookUrl = signing === "none" ? `${plainUrl}/${inboundSecret}` : plainUrl;
  const simulator = await startSimulator({
    host: options.host,
    port: options.simulatorPort,
    // Listening on every interface, it is still reached (and its links presigned) at localhost here.
    publicUrl: `http://${urlHost(options.host)}:${options.simulatorPort}`,
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
    ...portalEnv(secrets, portalUrl, database.url),
    ALLOW_PRIVATE_WEBHOOK_URLS: "1",
    ...localMailEnv,
    // The Jobs APIs this stack offers its workspaces: its own simulator (and any the tests add).
    JOBS_API_BASE_URLS: [simulator.url, ...(options.extraJobsApiBaseUrls ?? [])].join(","),
    HOST: options.host,
    ...options.portalEnv,
  });
  const stop = async () => {
    await simulator.close();
    await stopChild(portal);
    await database.stop();
    await inbox?.close();
    await smtp?.close();
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
    databaseUrl: database.url,
    email: DEMO_EMAIL,
    password: env.DEMO_PASSWORD,
    secrets,
    localSmtpUrl: smtp?.url ?? null,
    inboxUrl: inbox?.url ?? null,
    stop,
  };
}
