import type { WebhookPayload } from "@/lib/contract/webhook-payload";
import {
  type ApiProduct,
  completedStatus,
  isFailureStatus,
  type JobStatus,
  type StepStatus,
} from "@/lib/workflow/workflows";
import { isoSeconds } from "../iso-time";
import { type Fixtures, generateOutputs } from "../outputs/generate-outputs";
import type { Presigner } from "../outputs/presign";
import type { Scheduler } from "../scheduler";
import { costOf, planJob } from "./job-plan";
import { type JobStore, newJobId, type SimJob } from "./job-store";
import type { JobInput } from "./schemas";
import { buildWebhookPayload } from "./webhook-payload";

// Walks each job through its planned statuses on timers and announces every change.

export interface EngineSettings {
  speed: number;
  stepDurationsMs: Record<StepStatus, number>;
  failRate: number;
  rejectRate: number;
  now: () => number;
  random: () => number;
  log: (line: string) => void;
}

export type StatusListener = (job: SimJob, payload: WebhookPayload) => void;

export interface JobEngine {
  createJob(apiKey: string, product: ApiProduct, input: JobInput): SimJob;
  /** Called on every status change, after the job is updated; returns an unsubscribe function. */
  onStatusChange(listener: StatusListener): () => void;
}

export function createJobEngine(deps: {
  settings: EngineSettings;
  store: JobStore;
  scheduler: Scheduler;
  fixtures: Fixtures;
  presigner: Presigner;
}): JobEngine {
  const { settings, store, scheduler, fixtures, presigner } = deps;
  const listeners = new Set<StatusListener>();

  /** How long a job stays in `status` before its next one, with some jitter so jobs drift apart. */
  function dwellMs(status: JobStatus, next: JobStatus): number {
    const base = isFailureStatus(status) ? 0 : settings.stepDurationsMs[status];
    // A failure happens partway through the step it interrupts.
    const share = next === "failed" ? 0.3 + 0.7 * settings.random() : 0.8 + 0.4 * settings.random();
    return (base * share) / settings.speed;
  }

  function enter(job: SimJob, index: number): void {
    const status = job.plan.statuses[index];
    const now = settings.now();
    job.status = status;
    job.history.push({ status, at: isoSeconds(now) });
    if (status === completedStatus(job.apiProduct)) {
      const generated = generateOutputs(job.apiProduct, job.input, job.plan.durationSeconds, fixtures);
      job.outputs = generated.outputs;
      job.wordCount = generated.wordCount;
      job.cost = costOf(job.apiProduct, job.plan.durationSeconds);
      settings.log(`${job.jobId} ${job.apiProduct} ${status}`);
    } else if (isFailureStatus(status)) {
      settings.log(`${job.jobId} ${job.apiProduct} ${status}: ${job.plan.reason}`);
    }

    const payload = buildWebhookPayload(job, status, now, presigner);
    for (const listener of listeners) listener(job, payload);

    const next = job.plan.statuses[index + 1];
    if (next !== undefined) scheduler.after(dwellMs(status, next), () => enter(job, index + 1));
  }

  return {
    createJob(apiKey, product, input) {
      const plan = planJob(product, input, settings);
      const job: SimJob = {
        jobId: newJobId(),
        apiKey,
        apiProduct: product,
        input,
        plan,
        status: "created",
        history: [],
      };
      store.add(job);
      settings.log(`${job.jobId} ${product} created`);
      enter(job, 0);
      return job;
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
