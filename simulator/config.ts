import { parseArgs } from "node:util";
import { z } from "zod";
import { STEP_STATUSES, type StepStatus } from "@/lib/workflow/workflows";
import type { SimulatorOptions } from "./options";
import { SIGNING_MODES, webhookTargetSchema } from "./webhooks/webhook-target";

// The simulator's own configuration module, the only one of its files that reads process.env.
// Every setting is an env var; each also has a --flag (--fail-rate for SIMULATOR_FAIL_RATE) that wins.

const rate = z.coerce.number().min(0).max(1).default(0);

const stepDurations = z
  .string()
  .optional()
  .transform((text, ctx) => {
    const result: Partial<Record<StepStatus, number>> = {};
    for (const pair of (text ?? "").split(",").filter((part) => part.trim() !== "")) {
      const [status, ms] = pair.split("=").map((part) => part.trim());
      if (!(STEP_STATUSES as readonly string[]).includes(status) || !/^\d+$/.test(ms ?? "")) {
        ctx.addIssue({
          code: "custom",
          message: `expected status=milliseconds pairs such as transcribing=20000, got "${pair}"`,
        });
        return z.NEVER;
      }
      result[status as StepStatus] = Number(ms);
    }
    return result;
  });

const envSchema = z
  .object({
    SIMULATOR_PORT: z.coerce.number().int().min(0).max(65535).default(4010),
    SIMULATOR_HOST: z.string().min(1).default("127.0.0.1"),
    SIMULATOR_API_KEY: z.string().min(1).optional(),
    SIMULATOR_WEBHOOK_URL: z.url({ protocol: /^https?$/ }).optional(),
    SIMULATOR_WEBHOOK_SECRET: z.string().min(1).optional(),
    SIMULATOR_SIGNING: z.enum(SIGNING_MODES).default("standard"),
    SIMULATOR_SPEED: z.coerce.number().positive().default(1),
    SIMULATOR_STEP_DURATIONS: stepDurations,
    SIMULATOR_FAIL_RATE: rate,
    SIMULATOR_REJECT_RATE: rate,
    SIMULATOR_CHAOS_DUPLICATE_RATE: rate,
    SIMULATOR_CHAOS_REORDER: z
      .enum(["0", "1", "true", "false"])
      .default("0")
      .transform((v) => v === "1" || v === "true"),
    SIMULATOR_CHAOS_DELAY_MS: z.coerce.number().int().min(0).default(0),
    SIMULATOR_AUTOPILOT: z.coerce.number().min(0).default(0),
    SIMULATOR_PUBLIC_URL: z.url({ protocol: /^https?$/ }).optional(),
  })
  .refine(
    // Unsigned webhooks (SIMULATOR_SIGNING=none) need no secret; every other mode signs with one.
    (env) =>
      env.SIMULATOR_SIGNING === "none" ||
      (env.SIMULATOR_WEBHOOK_URL === undefined) === (env.SIMULATOR_WEBHOOK_SECRET === undefined),
    { error: "SIMULATOR_WEBHOOK_URL and SIMULATOR_WEBHOOK_SECRET go together", path: ["SIMULATOR_WEBHOOK_SECRET"] },
  )
  .superRefine((env, ctx) => {
    if (env.SIMULATOR_WEBHOOK_URL === undefined) return;
    const target = webhookTargetSchema.safeParse({
      url: env.SIMULATOR_WEBHOOK_URL,
      secret: env.SIMULATOR_WEBHOOK_SECRET,
      signing: env.SIMULATOR_SIGNING,
    });
    if (!target.success)
      ctx.addIssue({ code: "custom", path: ["SIMULATOR_WEBHOOK_SECRET"], message: target.error.issues[0].message });
  });

const FLAGS = [
  "port",
  "host",
  "api-key",
  "webhook-url",
  "webhook-secret",
  "signing",
  "speed",
  "step-durations",
  "fail-rate",
  "reject-rate",
  "chaos-duplicate-rate",
  "chaos-delay-ms",
  "autopilot",
  "public-url",
] as const;

export const USAGE = `Usage: tsx simulator/main.ts [--flag value ...]

Flags mirror the environment: --port is SIMULATOR_PORT, --fail-rate is SIMULATOR_FAIL_RATE, and so on.
  --port, --host, --api-key, --webhook-url, --webhook-secret (whsec_... for standard signing, any text for hmac-*),
  --signing (standard | hmac-hex | hmac-base64-ts | none), --speed (time factor),
  --step-durations (created=3000,transcribing=24000,...), --fail-rate, --reject-rate (0..1),
  --chaos-duplicate-rate (0..1), --chaos-reorder, --chaos-delay-ms, --autopilot (jobs/minute),
  --public-url (base of presigned links)`;

const envName = (flag: string) => `SIMULATOR_${flag.toUpperCase().replace(/-/g, "_")}`;

export interface SimulatorConfig {
  help: boolean;
  /** Unset: main.ts generates one and prints it. */
  apiKey?: string;
  options: Omit<SimulatorOptions, "apiKey">;
}

export function loadSimulatorConfig(
  argv: string[] = process.argv.slice(2),
  env: Record<string, string | undefined> = process.env,
): SimulatorConfig {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      ...Object.fromEntries(FLAGS.map((flag) => [flag, { type: "string" as const }])),
      "chaos-reorder": { type: "boolean" },
      help: { type: "boolean", short: "h" },
    },
  });
  const merged: Record<string, string> = {};
  for (const [name, value] of Object.entries(env)) {
    // An empty variable (FOO= in a .env file) means "not set".
    if (name.startsWith("SIMULATOR_") && value !== undefined && value !== "") merged[name] = value;
  }
  for (const [flag, value] of Object.entries(values)) {
    if (flag !== "help" && value !== undefined) merged[envName(flag)] = String(value);
  }

  const parsed = envSchema.safeParse(merged);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid simulator configuration: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const e = parsed.data;
  return {
    help: values.help === true,
    apiKey: e.SIMULATOR_API_KEY,
    options: {
      port: e.SIMULATOR_PORT,
      host: e.SIMULATOR_HOST,
      webhook: e.SIMULATOR_WEBHOOK_URL
        ? webhookTargetSchema.parse({
            url: e.SIMULATOR_WEBHOOK_URL,
            secret: e.SIMULATOR_WEBHOOK_SECRET,
            signing: e.SIMULATOR_SIGNING,
          })
        : null,
      speed: e.SIMULATOR_SPEED,
      stepDurationsMs: e.SIMULATOR_STEP_DURATIONS,
      failRate: e.SIMULATOR_FAIL_RATE,
      rejectRate: e.SIMULATOR_REJECT_RATE,
      chaos: {
        duplicateRate: e.SIMULATOR_CHAOS_DUPLICATE_RATE,
        reorder: e.SIMULATOR_CHAOS_REORDER,
        delayMs: e.SIMULATOR_CHAOS_DELAY_MS,
      },
      autopilotPerMinute: e.SIMULATOR_AUTOPILOT,
      publicUrl: e.SIMULATOR_PUBLIC_URL,
    },
  };
}
