import type { WebhookPayload } from "@/lib/contract/webhook-payload";
import {
  type ApiProduct,
  completedStatus,
  isFailureStatus,
  isTerminal,
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
  /** Freezes an in-progress job at its current status (no next status, no event) until resumed. */
  stallJob(job: SimJob): void;
  /** Lets a stalled job go on: its next status comes after the current step's usual time. */
  resumeJob(job: SimJob): void;
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
  /** Each walking job's pending move to its next status (a stalled or finished job has none). */
  const pending = new Map<string, () => void>();

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
    // A listener may have stalled the job on this very status.
    scheduleNext(job);
  }

  function scheduleNext(job: SimJob): void {
    const index = job.history.length - 1;
    const next = job.plan.statuses[index + 1];
    if (next === undefined || job.stalled) return;
    const cancel = scheduler.after(dwellMs(job.plan.statuses[index], next), () => {
      pending.delete(job.jobId);
      enter(job, index + 1);
    });
    pending.set(job.jobId, cancel);
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
    stallJob(job) {
      if (isTerminal(job.apiProduct, job.status)) throw new Error(`${job.jobId} is finished (${job.status})`);
      job.stalled = true;
      pending.get(job.jobId)?.();
      pending.delete(job.jobId);
      settings.log(`${job.jobId} ${job.apiProduct} stalled at ${job.status}`);
    },
    resumeJob(job) {
      if (!job.stalled) return;
      job.stalled = false;
      settings.log(`${job.jobId} ${job.apiProduct} resumed at ${job.status}`);
      scheduleNext(job);
    },
    onStatusChange(listener) {
      listeners.add(listener);
      return () => void listeners.delete(listener);
    },
  };
}
