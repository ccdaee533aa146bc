import "server-only";
import { z } from "zod";

// The one module that reads process.env (STYLE.md). Everything is optional for the demo: the
// launchers (scripts/dev.ts, start.ts, demo.ts and the e2e stack, through scripts/lib/portal-env.ts)
// fill in what is missing — the database, the secrets kept under .data/, the public URL — before
// the portal starts.
const booleanFlag = z
  .enum(["0", "1", "true", "false"])
  .optional()
  .transform((value) => value === "1" || value === "true");

/** Empty counts as unset, as shells and .env files often leave it. */
const optionalText = z
  .string()
  .optional()
  .transform((value) => value || undefined);

/** A Jobs API base URL as Settings stores it: trimmed, without a trailing slash, http(s) only. */
const baseUrlListSchema = z
  .string()
  .transform((value) =>
    value
      .split(",")
      .map((url) => url.trim().replace(/\/+$/, ""))
      .filter(Boolean),
  )
  .pipe(
    z
      .array(
        z
          .url({ protocol: /^https?$/ })
          .refine((url) => !/[?#]/.test(url), "a base URL has no query string or fragment"),
      )
      .min(1, "name at least one base URL"),
  );

/**
 * Who may create an account: `open` (anyone; the demo's default), `invite-only` (only through an
 * invite link), or `domains:example.com,example.org` (addresses at those domains; invites still
 * work for anyone). Invite links always work.
 */
const signUpPolicySchema = z
  .string()
  .trim()
  .transform((value, ctx) => {
    if (value === "" || value === "open") return { kind: "open" as const };
    if (value === "invite-only") return { kind: "invite-only" as const };
    const domains = value.startsWith("domains:")
      ? value
          .slice("domains:".length)
          .split(",")
          .map((domain) => domain.trim().toLowerCase().replace(/^@/, ""))
          .filter(Boolean)
      : [];
    if (domains.length === 0 || domains.some((domain) => !/^[a-z0-9-]+(\.[a-z0-9-]+)+$/.test(domain))) {
      ctx.addIssue({ code: "custom", message: "use open, invite-only, or domains:example.com,example.org" });
      return z.NEVER;
    }
    return { kind: "domains" as const, domains };
  });

const envSchema = z.object({
  NODE_ENV: z.enum(["development", "production", "test"]).default("development"),
  DATABASE_URL: z.string().optional(),
  /**
   * A session-capable URL of the same database (straight to PostgreSQL) for what a transaction
   * pooler cannot carry: LISTEN and the migrator's advisory lock. Set it when DATABASE_URL goes
   * through PgBouncer (transaction mode) or a similar pooler; then no query uses a named prepared
   * statement on DATABASE_URL either. Unset: DATABASE_URL serves everything.
   */
  DIRECT_DATABASE_URL: optionalText,
  /**
   * A streaming replica (hot standby) of the same database. Set, the Jobs list, its counts, the
   * overview and the CSV export read from it — unless the browser asking wrote something (or was
   * told of a change) the replica has not replayed yet, or the replica is down or too far behind:
   * then from the primary (lib/db/read-from-replica.ts). Unset: everything reads the primary.
   */
  DATABASE_REPLICA_URL: optionalText,
  /** How far behind the primary the replica may be before every read goes to the primary instead. */
  DATABASE_REPLICA_MAX_LAG_MS: z.coerce.number().int().min(2_000).max(3_600_000).default(10_000),
  /** Bearer token for GET /api/metrics (Prometheus format); unset: metrics off (404). */
  METRICS_TOKEN: optionalText.pipe(z.string().min(16, "use at least 16 characters").optional()),
  /**
   * Port on which `npm run worker` answers GET /metrics (the same metrics and METRICS_TOKEN as the
   * portal's GET /api/metrics: its delivery attempts, pruning, pools). Unset: the worker serves none.
   */
  WORKER_METRICS_PORT: z.coerce.number().int().min(1).max(65535).optional(),
  PORT: z.coerce.number().int().min(1).max(65535).default(3000),
  /** Address the portal (and, under `npm run demo`, the simulator) listens on; unset: every interface, 127.0.0.1 for the demo. */
  HOST: z.string().trim().min(1).optional(),
  /**
   * Comma-separated addresses or CIDR ranges of reverse proxies whose X-Forwarded-For names the
   * client (rate limits key on it). Unset: the client is the socket's peer, whatever it forwards.
   */
  TRUSTED_PROXIES: z.string().default(""),
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
  /** How the simulator signs its webhooks; `npm run demo` connects the demo workspace with the matching profile. */
  SIMULATOR_SIGNING: z.enum(["standard", "hmac-hex", "hmac-base64-ts", "none"]).default("standard"),
  ALLOW_PRIVATE_WEBHOOK_URLS: booleanFlag,
  /**
   * The Jobs API base URLs a workspace may connect to (comma-separated). The operator chooses the
   * upstream, not the tenant: nothing else is ever sent a workspace's key. Default: the vendor's.
   */
  JOBS_API_BASE_URLS: baseUrlListSchema.default(["https://api.rednerapp.com"]),
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
  /** SMTP in nodemailer's URL form (`smtp://user:pass@host:587`); set, it turns on email confirmation and email-link sign-in. */
  EMAIL_SERVER: optionalText,
  /** The From of every mail, e.g. `Jobs Portal <portal@example.com>`; required with EMAIL_SERVER. */
  EMAIL_FROM: optionalText,
  SIGN_UP: signUpPolicySchema.default({ kind: "open" }),
  CHROMIUM_PATH: z.string().default("/usr/bin/chromium"),
  /** Ports of the end-to-end stack, so several checkouts can run their suites side by side. */
  E2E_PORT: z.coerce.number().int().min(1).max(65535).default(3100),
  E2E_SIMULATOR_PORT: z.coerce.number().int().min(1).max(65535).default(4110),
  LOG_LEVEL: z.enum(["debug", "info", "warn", "error", "silent"]).default("info"),
  // Bounds (README, Limits). Connections per process and use: pages, sessions and live updates
  // (Prisma); ingest; the delivery worker. Each use has its own pool, so none can take another's.
  DATABASE_POOL_MAX: z.coerce.number().int().min(2).max(500).default(8),
  DATABASE_INGEST_POOL_MAX: z.coerce.number().int().min(1).max(500).default(6),
  DATABASE_DELIVERY_POOL_MAX: z.coerce.number().int().min(1).max(500).default(4),
  /** statement_timeout of every pooled connection; 0 turns it off. */
  DATABASE_STATEMENT_TIMEOUT_MS: z.coerce.number().int().min(0).default(15_000),
  /** How often a LISTEN connection proves it is alive with a round trip (SELECT 1). */
  DATABASE_LISTEN_CHECK_MS: z.coerce.number().int().min(100).default(10_000),
  /** Live-update streams (GET /api/live) per signed-in user, and in all, per portal process. */
  LIVE_STREAMS_PER_USER: z.coerce.number().int().min(1).default(10),
  LIVE_STREAMS_MAX: z.coerce.number().int().min(1).default(1_000),
  /** Inbound events waiting for a group commit, per process; one workspace may hold at most its share. */
  INGEST_QUEUE_MAX: z.coerce.number().int().min(1).default(2_000),
  INGEST_QUEUE_WORKSPACE_SHARE: z.coerce.number().gt(0).max(1).default(0.5),
  /**
   * TEST ONLY — never set it in production: parts of ingest to switch off, comma-separated
   * (`notify`, `outbox`, `group-commit`, `counters`), so that npm run bench:ingest can measure what each
   * costs. Switched off, their guarantees are gone (no live updates, no deliveries, one
   * transaction per event, counters that drift).
   */
  INGEST_TEST_SWITCH_OFF: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((part) => part.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.enum(["notify", "outbox", "group-commit", "counters"]))),
});

const checkedEnvSchema = envSchema.refine((values) => !values.EMAIL_SERVER || values.EMAIL_FROM, {
  path: ["EMAIL_FROM"],
  message: "is required when EMAIL_SERVER is set (the From address of every mail)",
});

export type Env = z.infer<typeof envSchema>;

function loadEnv(): Env {
  const parsed = checkedEnvSchema.safeParse(process.env);
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

/** The URL for session needs (LISTEN, advisory locks): DIRECT_DATABASE_URL, else DATABASE_URL. */
export function requireDirectDatabaseUrl(): string {
  return env.DIRECT_DATABASE_URL ?? requireDatabaseUrl();
}

/** Whether DATABASE_URL goes through a transaction pooler (DIRECT_DATABASE_URL is set beside it). */
export function behindTransactionPooler(): boolean {
  return env.DIRECT_DATABASE_URL !== undefined;
}

/** The database URL, which must be set by the time anything connects. */
export function requireDatabaseUrl(): string {
  if (!env.DATABASE_URL)
    throw new Error("DATABASE_URL is not set (npm run demo and npm start set it for the embedded database)");
  return env.DATABASE_URL;
}
