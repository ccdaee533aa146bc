import { z } from "zod";

// The one module that reads process.env (STYLE.md). Everything is optional for the demo:
// scripts/demo.ts and scripts/with-database.ts fill in what is missing before the portal starts.
const booleanFlag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4010),
  NEXTAUTH_URL: z.url().optional(),
  NEXTAUTH_SECRET: z.string().min(16).optional(),
  APP_ENCRYPTION_KEY: z.string().optional(),
  DEMO_PASSWORD: z.string().min(8).default("demo-password"),
  DEMO_API_KEY: z.string().optional(),
  DEMO_INBOUND_SECRET: z.string().startsWith("whsec_").optional(),
  SIMULATOR_API_KEY: z.string().optional(),
  SIMULATOR_SPEED: z.coerce.number().positive().default(1),
  SIMULATOR_AUTOPILOT: z.coerce.number().min(0).optional(),
  ALLOW_PRIVATE_WEBHOOK_URLS: booleanFlag,
  /** `off`: the portal process does not deliver webhooks (run `npm run worker` processes instead). */
  DELIVERY_WORKER: z
    .enum(["on", "off", "1", "0", "true", "false"])
    .default("on")
    .transform((value) => value === "on" || value === "1" || value === "true"),
  /** Deliveries one delivery worker (the portal's, or each `npm run worker`) sends at once. */
  DELIVERY_CONCURRENCY: z.coerce.number().int().min(1).max(1_000).default(64),
  /** Deliveries one workspace may have in flight across all workers: its share of the slots. */
  DELIVERY_WORKSPACE_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(32),
  /** Deliveries one endpoint may have in flight across all workers. */
  DELIVERY_ENDPOINT_IN_FLIGHT: z.coerce.number().int().min(1).max(1_000).default(16),
  /** Webhook endpoints one workspace may have; adding more is refused with this number. */
  MAX_ENDPOINTS_PER_WORKSPACE: z.coerce.number().int().min(1).max(10_000).default(20),
  /** Set by Next.js during `next build` (phase-production-build). */
  NEXT_PHASE: z.string().optional(),
  GITHUB_ID: z.string().optional(),
  GITHUB_SECRET: z.string().optional(),
  EMAIL_SERVER: z.string().optional(),
  EMAIL_FROM: z.string().optional(),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  /** Ports of the end-to-end stack, so several checkouts can run their suites side by side. */
  E2E_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  E2E_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4110),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid environment: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  return parsed.data;
}

export const env: Env = loadEnv();

/**
 * For the launch scripts: values they generate or discover (the embedded database's URL, secrets
 * kept under .data/) become part of this process's env and of every child process it starts.
 */
export function applyRuntimeEnv(values: Partial<Record<keyof Env, string>>): void {
  for (const [key, value] of Object.entries(values)) {
    if (value !== undefined) process.env[key] = value;
  }
  Object.assign(env, loadEnv());
}

/** The database URL, which must be set by the time anything connects. */
export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL) throw new Error("DATABASE_URL is not set (npm run demo and npm start set it for the embedded database)");
  return env.DATABASE_URL;
}
