import { z } from "zod";
import { STEP_STATUSES, type StepStatus } from "@/lib/workflow/workflows";
import { type WebhookTarget, type WebhookTargetInput, webhookTargetSchema } from "./webhooks/webhook-target";

// The programmatic configuration of startSimulator, validated once; config.ts maps env and flags onto it.

/** Time spent in each status before the next one, at speed 1 (realistic for a few minutes of media). */
export const DEFAULT_STEP_DURATIONS_MS: Record<StepStatus, number> = {
  created: 3_000,
  transcribing: 24_000,
  transcribed: 1_500,
  translating: 18_000,
  translated: 1_500,
  dubbing: 30_000,
  dubbed: 1_500,
  merging: 12_000,
  merged: 0,
};

const rate = z.number().min(0).max(1);

const stepDurationsSchema = z.partialRecord(z.enum(STEP_STATUSES), z.number().int().min(0).max(3_600_000));

export const simulatorOptionsSchema = z.object({
  port: z.number().int().min(0).max(65535).default(0),
  host: z.string().min(1).default("127.0.0.1"),
  /** One key or several; each key sees only its own jobs. */
  apiKey: z.union([z.string().min(1), z.array(z.string().min(1)).min(1)]),
  /** Where webhooks go (and how they are signed) for every key without a target of its own. */
  webhook: webhookTargetSchema.nullable().default(null),
  /** Per API key: each key is an account of the vendor's, with its own Settings (several workspaces, each its own way). */
  webhooksByApiKey: z.record(z.string().min(1), webhookTargetSchema).default({}),
  /** Time factor: 10 walks workflows and retry backoff ten times faster. */
  speed: z.number().positive().max(100_000).default(1),
  stepDurationsMs: stepDurationsSchema.default({}),
  failRate: rate.default(0),
  rejectRate: rate.default(0),
  chaos: z
    .object({
      duplicateRate: rate.default(0),
      reorder: z.boolean().default(false),
      delayMs: z.number().int().min(0).max(600_000).default(0),
    })
    .prefault({}),
  retry: z
    .object({
      baseDelayMs: z.number().int().positive().default(1_000),
      maxDelayMs: z.number().int().positive().default(600_000),
      /** Simulated time after the first attempt past which an event is given up. */
      windowMs: z
        .number()
        .int()
        .positive()
        .default(3 * 3_600_000),
      timeoutMs: z.number().int().positive().default(15_000),
    })
    .prefault({}),
  autopilotPerMinute: z.number().min(0).max(6_000).default(0),
  /** Base of presigned links; defaults to http://127.0.0.1:<port> once the port is known. */
  publicUrl: z.url({ protocol: /^https?$/ }).optional(),
});

export type SimulatorOptions = z.input<typeof simulatorOptionsSchema> & {
  /** Injectable clock (ms since epoch) for timestamps and link expiry; defaults to Date.now. */
  now?: () => number;
  /** Injectable randomness in [0, 1) for jitter, random failures and chaos; defaults to Math.random. */
  random?: () => number;
  log?: (line: string) => void;
};

export type ResolvedOptions = Omit<z.output<typeof simulatorOptionsSchema>, "apiKey" | "stepDurationsMs"> & {
  apiKeys: readonly string[];
  stepDurationsMs: Record<StepStatus, number>;
  now: () => number;
  random: () => number;
  log: (line: string) => void;
};

export function resolveOptions(options: SimulatorOptions): ResolvedOptions {
  const parsed = simulatorOptionsSchema.safeParse(options);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw new Error(`Invalid simulator options: ${issue?.path.join(".")}: ${issue?.message}`);
  }
  const { apiKey, stepDurationsMs, ...rest } = parsed.data;
  return {
    ...rest,
    apiKeys: typeof apiKey === "string" ? [apiKey] : apiKey,
    stepDurationsMs: { ...DEFAULT_STEP_DURATIONS_MS, ...stepDurationsMs },
    now: options.now ?? Date.now,
    random: options.random ?? Math.random,
    log: options.log ?? (() => {}),
  };
}

export type { WebhookTarget, WebhookTargetInput };
