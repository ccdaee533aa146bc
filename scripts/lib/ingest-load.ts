import http from "node:http";
import { sampleOutput, samplePayload } from "@/lib/ingest/testing/sample-events";
import { signStandardWebhook } from "@/lib/ingest/testing/sign-standard-webhook";
import { type ApiProduct, type JobStatus, WORKFLOWS } from "@/lib/workflow/workflows";

// npm run bench:ingest's load: signed (or, for the floor, unsigned) Standard Webhooks requests
// over keep-alive connections, each connection walking jobs of the four workflows in order.
const PRODUCTS: ApiProduct[] = ["transcribe", "translate", "voiceover", "dub"];

export interface Target {
  name: string;
  baseUrl: string;
  /** Several portal processes behind one load (bench:ingest --processes): connection i sends to baseUrls[i % n]. */
  baseUrls?: string[];
  workspaceId: string;
  secret: string | null; // null: unsigned (the floor)
}

export interface SentEvent {
  webhookId: string;
  jobId: string;
  status: JobStatus;
  product: ApiProduct;
  /** performance.timeOrigin-based ms: when it was sent and when its 2xx came back. */
  sentAt: number;
  answeredAt: number;
}

export interface PhaseResult {
  target: Target;
  measuredSeconds: number;
  /** When the measured window began (performance.timeOrigin-based ms, as SentEvent's times). */
  measuredFrom: number;
  /** Responses within the measured window, by HTTP status. */
  statuses: Map<number, number>;
  latenciesMs: number[];
  /** Every 2xx answer, warm-up included, for the database check. */
  accepted: SentEvent[];
  failed: number;
  /** Requests answered (any status), warm-up included: what the CPU of the phase was spent on. */
  answered: number;
}

export interface PhaseTiming {
  warmupSeconds: number;
  seconds: number;
  connections: number;
}

const now = () => performance.timeOrigin + performance.now();

interface NextEvent {
  product: ApiProduct;
  status: JobStatus;
  jobId: string;
  payload: unknown;
}

/** One connection's traffic: jobs of the four workflows in turn, each job's events in order. */
function* eventsFor(prefix: string): Generator<NextEvent, never> {
  for (let n = 0; ; n += 1) {
    const product = PRODUCTS[n % PRODUCTS.length];
    const jobId = `${prefix}_${n}`;
    const steps = WORKFLOWS[product].steps;
    for (const status of steps) {
      const completed = status === steps[steps.length - 1];
      const outputs =
        product === "translate"
          ? [sampleOutput(`${jobId}/part_0.srt`, 8234, 0), sampleOutput(`${jobId}/part_1.srt`, 7891, 1)]
          : [sampleOutput(`${jobId}/out.${product === "transcribe" ? "srt" : "mp4"}`, 45_678_901)];
      const extra = completed
        ? { duration: 125.5, cost: 2.51, outputs }
        : status === "transcribed"
          ? { wordCount: 1200 }
          : {};
      yield { product, status, jobId, payload: samplePayload(product, status, jobId, Date.now(), extra) };
    }
  }
}

function post(agent: http.Agent, url: URL, headers: Record<string, string>, body: string): Promise<number> {
  return new Promise((resolve, reject) => {
    const request = http.request(
      url,
      { method: "POST", agent, headers: { ...headers, "content-length": Buffer.byteLength(body) } },
      (response) => {
        response.resume();
        response.on("end", () => resolve(response.statusCode ?? 0));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
    request.end(body);
  });
}

function emptyResult(target: Target): PhaseResult {
  return {
    target,
    measuredSeconds: 0,
    measuredFrom: 0,
    statuses: new Map(),
    latenciesMs: [],
    accepted: [],
    failed: 0,
    answered: 0,
  };
}

/** Sends one event and files its answer into `result` (counted only inside the measured window). */
async function sendOne(
  agent: http.Agent,
  url: URL,
  target: Target,
  event: NextEvent,
  webhookId: string,
  result: PhaseResult,
  window: { from: number; to: number },
) {
  const body = JSON.stringify(event.payload);
  const timestamp = String(Math.floor(Date.now() / 1000));
  const headers: Record<string, string> = {
    "content-type": "application/json",
    "webhook-id": webhookId,
    "webhook-timestamp": timestamp,
  };
  if (target.secret) headers["webhook-signature"] = signStandardWebhook(target.secret, webhookId, timestamp, body);
  const sentAt = now();
  let status = 0;
  try {
    status = await post(agent, url, headers, body);
  } catch {
    result.failed += 1;
  }
  const answeredAt = now();
  if (status !== 0) result.answered += 1;
  if (status >= 200 && status < 300)
    result.accepted.push({
      webhookId,
      jobId: event.jobId,
      status: event.status,
      product: event.product,
      sentAt,
      answeredAt,
    });
  if (sentAt >= window.from && answeredAt <= window.to) {
    result.statuses.set(status, (result.statuses.get(status) ?? 0) + 1);
    result.latenciesMs.push(answeredAt - sentAt);
  }
}

/** `connections` closed-loop senders for warm-up + `seconds`; only the measured window counts. */
export async function runPhase(target: Target, runId: string, timing: PhaseTiming): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: timing.connections });
  const urls = (target.baseUrls ?? [target.baseUrl]).map(
    (baseUrl) => new URL(`/api/webhooks/${target.workspaceId}`, baseUrl),
  );
  const result = emptyResult(target);
  result.measuredSeconds = timing.seconds;
  const from = now() + timing.warmupSeconds * 1000;
  const window = { from, to: from + timing.seconds * 1000 };
  result.measuredFrom = from;
  let sequence = 0;
  async function connection(index: number): Promise<void> {
    const events = eventsFor(`${target.name}_${runId}_c${index}`);
    while (now() < window.to)
      await sendOne(
        agent,
        urls[index % urls.length],
        target,
        events.next().value,
        `msg_${runId}_${target.name}_${(sequence += 1)}`,
        result,
        window,
      );
  }
  await Promise.all(Array.from({ length: timing.connections }, (_, index) => connection(index)));
  agent.destroy();
  return result;
}

/** One sender at `perSecond` events a second, each sent on time whatever the answers take (open loop). */
export async function runPaced(
  target: Target,
  runId: string,
  perSecond: number,
  timing: Omit<PhaseTiming, "connections">,
): Promise<PhaseResult> {
  const agent = new http.Agent({ keepAlive: true });
  const url = new URL(`/api/webhooks/${target.workspaceId}`, target.baseUrl);
  const result = emptyResult(target);
  result.measuredSeconds = timing.seconds;
  const start = now();
  const window = {
    from: start + timing.warmupSeconds * 1000,
    to: start + (timing.warmupSeconds + timing.seconds) * 1000,
  };
  result.measuredFrom = window.from;
  const events = eventsFor(`${target.name}_${runId}`);
  const sends: Array<Promise<void>> = [];
  for (let n = 0; ; n += 1) {
    const due = start + (n * 1000) / perSecond;
    if (due >= window.to) break;
    await new Promise((resolve) => setTimeout(resolve, Math.max(0, due - now())));
    sends.push(
      sendOne(agent, url, target, events.next().value, `msg_${runId}_${target.name}_${n}`, result, {
        from: window.from,
        to: Number.POSITIVE_INFINITY,
      }),
    );
  }
  await Promise.all(sends);
  agent.destroy();
  return result;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))];
}

export interface PhaseSummary {
  name: string;
  perSecond: number;
  p50: number;
  p99: number;
  good: number;
  other: string;
}

export function summarise(result: PhaseResult): PhaseSummary {
  const expected = result.target.secret === null ? 401 : 200;
  const good = result.statuses.get(expected) ?? 0;
  const sorted = [...result.latenciesMs].sort((a, b) => a - b);
  return {
    name: result.target.name,
    perSecond: good / result.measuredSeconds,
    p50: percentile(sorted, 50),
    p99: percentile(sorted, 99),
    good,
    other:
      [...result.statuses]
        .filter(([status]) => status !== expected)
        .map(([status, count]) => `${status}×${count}`)
        .join(" ") || "none",
  };
}

export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  if (sorted.length === 0) return Number.NaN;
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}
