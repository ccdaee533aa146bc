import { createServer } from "node:http";
import type { AddressInfo } from "node:net";
import type { WebhookPayload } from "@/lib/contract/webhook-payload";
import type { ApiProduct, JobStatus } from "@/lib/workflow/workflows";
import { startAutopilot } from "./autopilot";
import { createRequestHandler } from "./http/router";
import { createJobEngine } from "./jobs/job-engine";
import { createJobStore } from "./jobs/job-store";
import { type JobInput, validateJobInput } from "./jobs/schemas";
import { resolveOptions, type SimulatorOptions } from "./options";
import { loadFixtures } from "./outputs/generate-outputs";
import { createPresigner } from "./outputs/presign";
import { createScheduler } from "./scheduler";
import { createWebhookSender } from "./webhooks/webhook-sender";
import { type WebhookTarget, type WebhookTargetInput, webhookTargetSchema } from "./webhooks/webhook-target";

// The vendor's Jobs API, offline: one HTTP server, jobs in memory, webhooks out.

export interface JobSnapshot {
  jobId: string;
  apiProduct: ApiProduct;
  status: JobStatus;
  history: { status: JobStatus; at: string }[];
  reason?: string;
  /** Frozen by stallJob. */
  stalled?: true;
}

export interface Simulator {
  /** Base URL of the API, e.g. http://127.0.0.1:4010 (no trailing slash). */
  url: string;
  port: number;
  apiKeys: readonly string[];
  /**
   * Points webhooks somewhere else (or nowhere, with null); retries in progress follow the change.
   * With `apiKey`, only that key's jobs (its own account Settings); null then falls back to the default.
   */
  setWebhookTarget(target: WebhookTargetInput | null, options?: { apiKey?: string }): void;
  /** The target of a key's jobs (the default target without a key). */
  getWebhookTarget(apiKey?: string): WebhookTarget | null;
  /** Creates a job as POST /v1/{product} would (same validation); throws on an invalid input. */
  createJob(product: ApiProduct, input: JobInput, apiKey?: string): { jobId: string };
  getJob(jobId: string): JobSnapshot | undefined;
  /**
   * Test control: the job stops where it is, the way a vendor's job goes quiet — no next status,
   * no event, nothing in the API's answers about it changes. Throws for an unknown or finished job.
   * Nothing over HTTP reaches it: the vendor's API has no such switch.
   */
  stallJob(jobId: string): void;
  /** Lets a stalled job go on from where it stopped (its next status after the step's usual time). */
  resumeJob(jobId: string): void;
  /** Every status change with the payload sent for it, whether or not a webhook target is set. */
  onStatusChange(listener: (payload: WebhookPayload) => void): () => void;
  close(): Promise<void>;
}

export async function startSimulator(options: SimulatorOptions): Promise<Simulator> {
  const resolved = resolveOptions(options);
  const { now, random, log } = resolved;
  let target: WebhookTarget | null = resolved.webhook;
  const targetsByKey = new Map<string, WebhookTarget>(Object.entries(resolved.webhooksByApiKey));
  const targetOf = (apiKey?: string) => (apiKey !== undefined ? targetsByKey.get(apiKey) : undefined) ?? target;
  let baseUrl = "";

  const scheduler = createScheduler();
  const store = createJobStore();
  const presigner = createPresigner({ baseUrl: () => baseUrl, now });
  const fixtures = await loadFixtures();
  const engine = createJobEngine({ settings: resolved, store, scheduler, fixtures, presigner });
  const sender = createWebhookSender({ settings: resolved, scheduler, target: targetOf });
  engine.onStatusChange((job, payload) => sender.send(job, payload));

  const server = createServer(createRequestHandler({ apiKeys: resolved.apiKeys, store, engine, presigner, now, log }));
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(resolved.port, resolved.host, () => {
      server.off("error", reject);
      resolve();
    });
  });
  const { port } = server.address() as AddressInfo;
  const url = `http://${resolved.host.includes(":") ? `[${resolved.host}]` : resolved.host}:${port}`;
  baseUrl = (resolved.publicUrl ?? url).replace(/\/+$/, "");

  const stopAutopilot = startAutopilot({
    perMinute: resolved.autopilotPerMinute,
    apiKey: resolved.apiKeys[0],
    engine,
    scheduler,
    random,
    log,
  });

  let closing: Promise<void> | undefined;
  const jobOrThrow = (jobId: string) => {
    const job = store.get(jobId);
    if (!job) throw new Error(`Unknown job ${jobId}`);
    return job;
  };

  return {
    url,
    port,
    apiKeys: resolved.apiKeys,
    setWebhookTarget(next, { apiKey } = {}) {
      const parsed = next === null ? null : webhookTargetSchema.parse(next);
      if (apiKey === undefined) target = parsed;
      else if (parsed === null) targetsByKey.delete(apiKey);
      else targetsByKey.set(apiKey, parsed);
    },
    getWebhookTarget: (apiKey) => targetOf(apiKey),
    createJob(product, input, apiKey = resolved.apiKeys[0]) {
      if (!resolved.apiKeys.includes(apiKey)) throw new Error("createJob: unknown API key");
      const parsed = validateJobInput(product, input);
      if (!parsed.ok) throw new Error(`Invalid ${product} job: ${parsed.message}`);
      return { jobId: engine.createJob(apiKey, product, parsed.value).jobId };
    },
    getJob(jobId) {
      const job = store.get(jobId);
      if (!job) return undefined;
      return {
        jobId: job.jobId,
        apiProduct: job.apiProduct,
        status: job.status,
        history: job.history.map((entry) => ({ ...entry })),
        ...(job.plan.reason && (job.status === "failed" || job.status === "rejected")
          ? { reason: job.plan.reason }
          : {}),
        ...(job.stalled ? { stalled: true as const } : {}),
      };
    },
    stallJob: (jobId) => engine.stallJob(jobOrThrow(jobId)),
    resumeJob: (jobId) => engine.resumeJob(jobOrThrow(jobId)),
    onStatusChange(listener) {
      return engine.onStatusChange((_job, payload) => listener(payload));
    },
    close() {
      closing ??= new Promise<void>((resolve) => {
        stopAutopilot();
        scheduler.close();
        sender.close();
        server.close(() => resolve());
        server.closeAllConnections();
      });
      return closing;
    },
  };
}
