import { randomBytes } from "node:crypto";
import type { WebhookPayload } from "@/lib/contract/webhook-payload";
import type { Scheduler } from "../scheduler";
import { signingHeaders } from "./sign-webhook";
import type { WebhookTarget } from "./webhook-target";

// Webhook delivery with retries, signed per the target's mode (Standard Webhooks by default), each
// attempt afresh (a new signing timestamp, the same webhook-id and body). One job's events go out one at a time, in order: the next
// waits until the previous one is acknowledged or given up, unless the reorder chaos switch is on.

export interface SenderSettings {
  speed: number;
  retry: { baseDelayMs: number; maxDelayMs: number; windowMs: number; timeoutMs: number };
  chaos: { duplicateRate: number; reorder: boolean; delayMs: number };
  now: () => number;
  random: () => number;
  log: (line: string) => void;
}

export interface WebhookSender {
  /** `apiKey`: the key that created the job, whose account's target (URL, secret, signing) receives it. */
  send(job: { jobId: string; apiKey: string }, payload: WebhookPayload): void;
  /** Aborts requests in flight; the shared scheduler drops the pending retries. */
  close(): void;
}

interface Delivery {
  msgId: string;
  jobId: string;
  apiKey: string;
  body: string;
  attempts: number;
  /** Simulated time spent waiting between attempts, measured against the retry window. */
  waitedMs: number;
  duplicate: boolean;
}

/** With reorder on, each event leaves after a random delay within this much simulated time. */
const REORDER_WINDOW_MS = 20_000;

export function createWebhookSender(deps: {
  settings: SenderSettings;
  scheduler: Scheduler;
  target: (apiKey: string) => WebhookTarget | null;
}): WebhookSender {
  const { settings, scheduler } = deps;
  const lanes = new Map<string, { queue: Delivery[]; busy: boolean }>();
  const closing = new AbortController();

  function lane(jobId: string) {
    let found = lanes.get(jobId);
    if (!found) lanes.set(jobId, (found = { queue: [], busy: false }));
    return found;
  }

  function pump(jobId: string): void {
    const current = lane(jobId);
    if (current.busy) return;
    const next = current.queue.shift();
    if (!next) return void lanes.delete(jobId);
    current.busy = true;
    start(next, () => {
      current.busy = false;
      pump(jobId);
    });
  }

  function start(delivery: Delivery, done: () => void): void {
    const extraMs = settings.chaos.delayMs > 0 ? settings.random() * settings.chaos.delayMs : 0;
    scheduler.after(extraMs, () => void attempt(delivery, done));
  }

  async function post(target: WebhookTarget, delivery: Delivery): Promise<string | undefined> {
    const sentAt = settings.now();
    const headers = {
      "content-type": "application/json",
      "user-agent": "jobs-api-simulator/1.0",
      ...signingHeaders(target, delivery.msgId, sentAt, delivery.body),
    };
    try {
      const response = await fetch(target.url, {
        method: "POST",
        headers,
        body: delivery.body,
        redirect: "manual",
        signal: AbortSignal.any([closing.signal, AbortSignal.timeout(settings.retry.timeoutMs)]),
      });
      await response.arrayBuffer().catch(() => undefined);
      return response.status >= 200 && response.status < 300 ? undefined : `HTTP ${response.status}`;
    } catch (error) {
      return error instanceof Error
        ? error.cause instanceof Error
          ? error.cause.message
          : error.message
        : String(error);
    }
  }

  async function attempt(delivery: Delivery, done: () => void): Promise<void> {
    const target = deps.target(delivery.apiKey);
    if (!target) {
      settings.log(`webhook ${delivery.msgId} dropped: no webhook target`);
      return done();
    }
    delivery.attempts += 1;
    const failure = await post(target, delivery);
    if (scheduler.closed) return;
    if (failure === undefined) {
      if (!delivery.duplicate && settings.random() < settings.chaos.duplicateRate) resend(delivery);
      return done();
    }
    const { baseDelayMs, maxDelayMs, windowMs } = settings.retry;
    const waitMs = Math.min(baseDelayMs * 2 ** (delivery.attempts - 1), maxDelayMs);
    if (delivery.waitedMs + waitMs > windowMs) {
      settings.log(
        `webhook ${delivery.msgId} (${delivery.jobId}) given up after ${delivery.attempts} attempts: ${failure}`,
      );
      return done();
    }
    delivery.waitedMs += waitMs;
    settings.log(`webhook ${delivery.msgId} (${delivery.jobId}) attempt ${delivery.attempts} failed: ${failure}`);
    scheduler.after(waitMs / settings.speed, () => void attempt(delivery, done));
  }

  /** Chaos: the same event again, same webhook-id, as an at-least-once sender may do. */
  function resend(delivery: Delivery): void {
    const copy: Delivery = { ...delivery, attempts: 0, waitedMs: 0, duplicate: true };
    if (settings.chaos.reorder) start(copy, () => {});
    else lane(delivery.jobId).queue.unshift(copy);
  }

  return {
    send({ jobId, apiKey }, payload) {
      if (!deps.target(apiKey)) return;
      const delivery: Delivery = {
        msgId: `msg_${randomBytes(12).toString("hex")}`,
        jobId,
        apiKey,
        body: JSON.stringify(payload),
        attempts: 0,
        waitedMs: 0,
        duplicate: false,
      };
      if (settings.chaos.reorder) {
        scheduler.after((settings.random() * REORDER_WINDOW_MS) / settings.speed, () => start(delivery, () => {}));
      } else {
        lane(jobId).queue.push(delivery);
        pump(jobId);
      }
    },
    close() {
      closing.abort();
      lanes.clear();
    },
  };
}
