import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { eventForStatus, WORKFLOWS } from "@/lib/workflow/workflows";
import { REJECTION_REASONS } from "../jobs/job-plan";
import { type Harness, startHarness } from "../testing/harness";
import { seededRandom } from "../testing/seeded-random";

// Each workflow's exact status sequence, as received and verified by a real webhook endpoint.

const MEDIA = "https://media.example.com/interviews/ep-12.mp4";
const SRT_URL = "https://media.example.com/subtitles/ep-12.en.srt";
const SRT = "1\n00:00:01,000 --> 00:00:03,000\nWelcome back to the show, everyone.\n";
const ISO_SECONDS = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}Z$/;

let h: Harness;
beforeAll(async () => {
  h = await startHarness({ random: seededRandom(1) });
});
afterAll(async () => {
  expect(h.receiver.invalid).toEqual([]);
  await h.close();
});

describe("status sequences", () => {
  it.each([
    ["transcribe", { mediaUrl: MEDIA }, WORKFLOWS.transcribe.steps],
    ["translate", { mediaUrl: MEDIA, targetLanguage: "es" }, WORKFLOWS.translate.steps],
    ["translate", { srtUrl: SRT_URL, targetLanguage: "es" }, ["created", "translating", "translated"]],
    ["translate", { srtContent: SRT, targetLanguage: "es" }, ["created", "translating", "translated"]],
    ["voiceover", { mediaUrl: MEDIA, srtContent: SRT }, WORKFLOWS.voiceover.steps],
    ["dub", { mediaUrl: MEDIA, targetLanguage: "es" }, WORKFLOWS.dub.steps],
  ] as const)("%s %j sends one verified webhook per status, in order", async (product, body, expected) => {
    const jobId = await h.createJob(product, body);
    const events = await h.receiver.waitForTerminal(jobId);
    expect(events.map((hit) => hit.payload.data.status)).toEqual(expected);
    expect(events.map((hit) => hit.payload.event)).toEqual(expected.map((status) => eventForStatus(product, status)));
    expect(new Set(events.map((hit) => hit.id)).size).toBe(events.length);
    for (const hit of events) {
      expect(hit.id).toMatch(/^msg_[0-9a-f]{24}$/);
      expect(Object.keys(hit.payload)).toEqual(["event", "timestamp", "data"]);
      expect(hit.payload.timestamp).toMatch(ISO_SECONDS);
      expect(hit.payload.data).toMatchObject({ jobId, apiProduct: product });
    }
    for (const hit of events.slice(0, -1)) {
      expect(Object.keys(hit.payload.data)).toEqual(["jobId", "status", "apiProduct"]);
    }
  });

  it("puts duration, wordCount, cost and one-hour links on job.completed", async () => {
    const jobId = await h.createJob("transcribe", { mediaUrl: MEDIA });
    const completed = (await h.receiver.waitForTerminal(jobId)).at(-1)!.payload;
    expect(completed.event).toBe("job.completed");
    expect(Object.keys(completed.data)).toEqual([
      "jobId",
      "status",
      "apiProduct",
      "duration",
      "wordCount",
      "cost",
      "outputs",
    ]);
    const { duration, cost, wordCount, outputs } = completed.data;
    expect(cost).toBe(Math.round(duration! * 0.02 * 100) / 100);
    expect(wordCount).toBeGreaterThan(0);
    expect(outputs).toHaveLength(1);
    expect(Date.parse(outputs![0].expiresAt) - Date.parse(completed.timestamp)).toBe(3_600_000);
    const file = await fetch(outputs![0].url);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(outputs![0].sizeBytes);
  });

  it("numbers a translation's outputs and sends no wordCount for video workflows", async () => {
    const [translate, dub] = await Promise.all([
      h.createJob("translate", { mediaUrl: MEDIA, targetLanguage: "fr" }),
      h.createJob("dub", { mediaUrl: MEDIA, targetLanguage: "fr" }),
    ]);
    const translated = (await h.receiver.waitForTerminal(translate)).at(-1)!.payload.data;
    expect(translated.outputs!.map((output) => output.outputIndex)).toEqual(translated.outputs!.map((_, i) => i));
    expect(translated.outputs!.length).toBeGreaterThanOrEqual(2);
    const merged = (await h.receiver.waitForTerminal(dub)).at(-1)!.payload.data;
    expect(Object.keys(merged)).toEqual(["jobId", "status", "apiProduct", "duration", "cost", "outputs"]);
    expect(merged.outputs![0]).not.toHaveProperty("outputIndex");
  });
});

describe("test triggers", () => {
  it.each([
    ["transcribe", { mediaUrl: "https://media.example.com/uploads/fail-corrupt.mp4" }],
    ["translate", { srtUrl: "https://media.example.com/uploads/fail-subs.srt", targetLanguage: "es" }],
    ["voiceover", { mediaUrl: "https://media.example.com/uploads/failing.mov", srtUrl: SRT_URL }],
    ["dub", { mediaUrl: "https://media.example.com/uploads/FAIL-audio.mp4", targetLanguage: "de" }],
  ] as const)("a %s file named fail… fails during a later step, with a reason", async (product, body) => {
    const jobId = await h.createJob(product, body);
    const events = await h.receiver.waitForTerminal(jobId);
    const statuses = events.map((hit) => hit.payload.data.status);
    expect(statuses.at(-1)).toBe("failed");
    expect(statuses.length).toBeGreaterThanOrEqual(3);
    expect(statuses.at(-2)).toMatch(/ing$/);
    const last = events.at(-1)!.payload;
    expect(last.event).toBe("job.failed");
    expect(Object.keys(last.data)).toEqual(["jobId", "status", "apiProduct", "reason"]);
    expect(last.data.reason).toMatch(/failed: /);
  });

  it.each(["transcribe", "dub"] as const)(
    "a %s file named reject… is rejected right after created",
    async (product) => {
      const jobId = await h.createJob(product, {
        mediaUrl: "https://media.example.com/uploads/reject-master.mov",
        ...(product === "dub" ? { targetLanguage: "es" } : {}),
      });
      const events = await h.receiver.waitForTerminal(jobId);
      expect(events.map((hit) => [hit.payload.event, hit.payload.data.status])).toEqual([
        ["job.created", "created"],
        ["job.failed", "rejected"],
      ]);
      expect(REJECTION_REASONS).toContain(events[1].payload.data.reason);
    },
  );
});
