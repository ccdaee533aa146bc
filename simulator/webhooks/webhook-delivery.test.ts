import { afterEach, describe, expect, it } from "vitest";
import { WORKFLOWS } from "@/lib/workflow/workflows";
import { type Harness, startHarness } from "../testing/harness";
import { seededRandom } from "../testing/seeded-random";
import { waitForJob } from "../testing/wait-for-job";
import { type ReceivedWebhook, startWebhookReceiver } from "../testing/webhook-receiver";

// Delivery semantics: retries, ordering, give-up, runtime target changes and the chaos switches.

const DUB = { mediaUrl: "https://media.example.com/interviews/ep-12.mp4", targetLanguage: "es" };
const opened: Harness[] = [];
afterEach(async () => {
  for (const h of opened.splice(0)) {
    expect(h.receiver.invalid).toEqual([]);
    await h.close();
  }
});

async function harness(...args: Parameters<typeof startHarness>): Promise<Harness> {
  const h = await startHarness(...args);
  opened.push(h);
  return h;
}

const attemptsOf = (requests: ReceivedWebhook[], id: string) => requests.filter((hit) => hit.id === id);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe("retries", () => {
  it("retries a 500 with the same webhook-id and a fresh timestamp, holding back the job's next event", async () => {
    let clockOffsetMs = 0;
    const h = await harness(
      // Each attempt moves the simulator's clock on two seconds, so fresh timestamps are visible at speed.
      { now: () => Date.now() + clockOffsetMs },
      {
        respond: (hit, requests) => {
          clockOffsetMs += 2_000;
          return hit.payload.data.status === "created" && attemptsOf(requests, hit.id).length < 2 ? 500 : 200;
        },
      },
    );
    const jobId = await h.createJob("dub", DUB);
    await h.receiver.waitForTerminal(jobId);

    const created = h.receiver.requests.filter((hit) => hit.payload.data.status === "created");
    expect(created.map((hit) => hit.answered)).toEqual([500, 500, 200]);
    expect(new Set(created.map((hit) => hit.id)).size).toBe(1);
    expect(created[1].timestamp).toBeGreaterThan(created[0].timestamp);
    expect(created[2].timestamp).toBeGreaterThan(created[1].timestamp);
    expect(created.map((hit) => hit.payload)).toEqual([created[0].payload, created[0].payload, created[0].payload]);
    // Nothing else of the job went out before "created" was acknowledged.
    expect(h.receiver.requests.slice(0, 3)).toEqual(created);
    expect(h.receiver.statusesOf(jobId)).toEqual(WORKFLOWS.dub.steps);
  });

  it("treats a timeout as a failure and retries", async () => {
    const seen = new Set<string>();
    const h = await harness(
      { retry: { timeoutMs: 300 } },
      {
        respond: async (hit) => {
          const first = !seen.has(hit.id);
          seen.add(hit.id);
          if (first && hit.payload.data.status === "created") await sleep(1_000);
          return 200;
        },
      },
    );
    const jobId = await h.createJob("transcribe", { mediaUrl: DUB.mediaUrl });
    // The slow first attempt is recorded only when the receiver finally answers it, after the retry.
    const createdAttempts = () => h.receiver.requests.filter((hit) => hit.payload.data.status === "created");
    await h.receiver.waitFor(
      () => createdAttempts().length >= 2 && h.receiver.statusesOf(jobId).includes("transcribed"),
    );
    expect(new Set(createdAttempts().map((hit) => hit.id)).size).toBe(1);
    const statuses = h.receiver.requests.map((hit) => hit.payload.data.status);
    // The retry of "created" went out, and was acknowledged, before the job's next event.
    expect(statuses[0]).toBe("created");
    expect(statuses.filter((status) => status !== "created")).toEqual(["transcribing", "transcribed"]);
  });

  it("gives an event up after the retry window and moves on to the next", async () => {
    const h = await harness(
      { retry: { baseDelayMs: 1_000, windowMs: 3_000 } },
      { respond: (hit) => (hit.payload.data.status === "created" ? 503 : 200) },
    );
    const jobId = await h.createJob("transcribe", { mediaUrl: DUB.mediaUrl });
    await h.receiver.waitForTerminal(jobId);
    // Attempts after 0, 1 and 2 more seconds; a further 4 s wait would pass the 3 s window.
    expect(h.receiver.requests.filter((hit) => hit.payload.data.status === "created")).toHaveLength(3);
    expect(h.receiver.statusesOf(jobId)).toEqual(["transcribing", "transcribed"]);
  });

  it("keeps each job's events in order when the endpoint is slow", async () => {
    const h = await harness(
      {},
      {
        respond: async () => {
          await sleep(40);
          return 200;
        },
      },
    );
    const jobs = await Promise.all([1, 2, 3].map(() => h.createJob("dub", DUB)));
    for (const jobId of jobs) {
      await h.receiver.waitForTerminal(jobId, 15_000);
      expect(h.receiver.statusesOf(jobId)).toEqual(WORKFLOWS.dub.steps);
    }
  });
});

describe("webhook target", () => {
  it("sends nothing without a target and follows a target set at runtime", async () => {
    const h = await harness({ webhook: null });
    const before = await h.createJob("transcribe", { mediaUrl: DUB.mediaUrl });
    await waitForJob(h.sim, before);
    h.sim.setWebhookTarget({ url: h.receiver.url, secret: h.receiver.secret });
    const after = await h.createJob("transcribe", { mediaUrl: DUB.mediaUrl });
    await h.receiver.waitForTerminal(after);
    expect(h.receiver.requests.map((hit) => hit.payload.data.jobId)).toEqual([after, after, after]);
  });

  it("delivers pending retries to the new target after a change", async () => {
    const h = await harness({}, { respond: () => 500 });
    const next = await startWebhookReceiver();
    try {
      const jobId = await h.createJob("transcribe", { mediaUrl: DUB.mediaUrl });
      await h.receiver.waitFor((requests) => requests.length >= 2);
      h.sim.setWebhookTarget({ url: next.url, secret: next.secret });
      await next.waitForTerminal(jobId);
      expect(next.statusesOf(jobId)).toEqual(["created", "transcribing", "transcribed"]);
      expect(next.invalid).toEqual([]);
    } finally {
      await next.close();
    }
  });

  it("refuses an invalid target", async () => {
    const h = await harness({ webhook: null });
    expect(() => h.sim.setWebhookTarget({ url: "ftp://example.com", secret: "whsec_AAAA" })).toThrow();
    expect(() => h.sim.setWebhookTarget({ url: "http://127.0.0.1:1/x", secret: "not-a-secret" })).toThrow();
    expect(h.sim.getWebhookTarget()).toBeNull();
  });
});

describe("chaos", () => {
  it("duplicates events with the same webhook-id and body", async () => {
    const h = await harness({ chaos: { duplicateRate: 1 } });
    const jobId = await h.createJob("transcribe", { mediaUrl: DUB.mediaUrl });
    await h.receiver.waitFor(() => h.receiver.statusesOf(jobId).length === 6);
    const events = h.receiver.accepted();
    expect(events.map((hit) => hit.payload.data.status)).toEqual([
      "created",
      "created",
      "transcribing",
      "transcribing",
      "transcribed",
      "transcribed",
    ]);
    for (let i = 0; i < 6; i += 2) {
      expect(events[i + 1].id).toBe(events[i].id);
      expect(events[i + 1].payload).toEqual(events[i].payload);
    }
  });

  it("reorders events within a job but delivers every one", async () => {
    const h = await harness({ chaos: { reorder: true }, random: seededRandom(7) });
    const jobs = await Promise.all([1, 2, 3, 4].map(() => h.createJob("dub", DUB)));
    await h.receiver.waitFor(() =>
      jobs.every((jobId) => h.receiver.statusesOf(jobId).length === WORKFLOWS.dub.steps.length),
    );
    const orders = jobs.map((jobId) => h.receiver.statusesOf(jobId));
    for (const order of orders) expect([...order].sort()).toEqual([...WORKFLOWS.dub.steps].sort());
    expect(orders.some((order) => order.join() !== WORKFLOWS.dub.steps.join())).toBe(true);
  });

  it("adds the configured delay before deliveries", async () => {
    const h = await harness({ chaos: { delayMs: 50 }, random: () => 0.99 });
    const started = Date.now();
    const jobId = await h.createJob("transcribe", { mediaUrl: DUB.mediaUrl });
    await h.receiver.waitForTerminal(jobId);
    expect(Date.now() - started).toBeGreaterThanOrEqual(3 * 49);
  });
});
