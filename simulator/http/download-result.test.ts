import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { downloadResultResponseSchema } from "@/lib/contract/download-result";
import { type Harness, OTHER_API_KEY, startHarness } from "../testing/harness";
import { waitForJob } from "../testing/wait-for-job";

// POST /v1/jobs/{jobId}/download-result against the Jobs API's documentation, to the letter. The
// clock is frozen at the documentation's own example time, so expiresAt can be compared exactly.

const NOW = Date.parse("2025-12-07T13:30:00Z");
const MEDIA = "https://media.example.com/interviews/ep-12.mp4";
const SEED_EXPIRES_AT = "2025-12-07T14:30:00Z";

let fast: Harness;
let slow: Harness;
let slowFromTranscribing: Harness;
beforeAll(async () => {
  [fast, slow, slowFromTranscribing] = await Promise.all([
    startHarness({ webhook: null, now: () => NOW }),
    // Realistic speed: a fresh job stays "created" for seconds, long enough to be asked about.
    startHarness({ webhook: null, now: () => NOW, speed: 1 }),
    startHarness({ webhook: null, now: () => NOW, speed: 1, stepDurationsMs: { created: 0 } }),
  ]);
});
afterAll(() => Promise.all([fast.close(), slow.close(), slowFromTranscribing.close()]));

/** One completed transcribe job, for the cases that only vary the request. */
let sharedJob: Promise<string>;
beforeAll(() => {
  sharedJob = completedJob("transcribe", { mediaUrl: MEDIA });
});

async function completedJob(product: string, body: Record<string, unknown>): Promise<string> {
  const jobId = await fast.createJob(product, body);
  await waitForJob(fast.sim, jobId);
  return jobId;
}

const download = (h: Harness, jobId: string, body: unknown = { expirationSeconds: 3600 }, init = {}) =>
  h.post(`/v1/jobs/${jobId}/download-result`, body, init);

async function expectSeedError(response: Response, status: number, code: string, message: string) {
  expect(response.status).toBe(status);
  // Compared as text: the Jobs API's error envelope, key order included.
  expect(await response.text()).toBe(JSON.stringify({ error: { code, message } }));
}

describe("download-result success", () => {
  it("answers a transcribe job with one SRT output and no outputIndex", async () => {
    const jobId = await completedJob("transcribe", { mediaUrl: MEDIA });
    const response = await download(fast, jobId);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(downloadResultResponseSchema.parse(body)).toEqual(body);
    expect(Object.keys(body)).toEqual(["jobId", "apiProduct", "expiresAt", "outputs"]);
    expect(body).toMatchObject({ jobId, apiProduct: "transcribe", expiresAt: SEED_EXPIRES_AT });
    expect(body.outputs).toHaveLength(1);
    expect(Object.keys(body.outputs[0])).toEqual(["url", "expiresAt", "sizeBytes"]);
    expect(body.outputs[0].expiresAt).toBe(SEED_EXPIRES_AT);
    const url = new URL(body.outputs[0].url);
    expect(url.pathname).toBe(`/files/${jobId}/transcript.srt`);
    expect(url.searchParams.get("X-Amz-Algorithm")).toBe("AWS4-HMAC-SHA256");
    expect(url.searchParams.get("X-Amz-Date")).toBe("20251207T133000Z");
    expect(url.searchParams.get("X-Amz-Expires")).toBe("3600");
    expect(url.searchParams.get("X-Amz-Signature")).toMatch(/^[0-9a-f]{64}$/);
  });

  it("answers a translate job with N >= 2 ordered context files carrying outputIndex", async () => {
    const jobId = await completedJob("translate", { mediaUrl: MEDIA, targetLanguage: "es" });
    const body = await (await download(fast, jobId)).json();
    expect(body.apiProduct).toBe("translate");
    expect(body.outputs.length).toBeGreaterThanOrEqual(2);
    body.outputs.forEach((output: Record<string, unknown>, i: number) => {
      expect(Object.keys(output)).toEqual(["outputIndex", "url", "expiresAt", "sizeBytes"]);
      expect(output.outputIndex).toBe(i);
      expect(new URL(output.url as string).pathname).toBe(`/files/${jobId}/translation_${i}.srt`);
    });
  });

  it.each(["voiceover", "dub"])("answers a %s job with one video", async (product) => {
    const jobId = await completedJob(product, {
      mediaUrl: MEDIA,
      srtUrl: product === "voiceover" ? "https://media.example.com/s.srt" : undefined,
      targetLanguage: product === "dub" ? "es" : undefined,
    });
    const body = await (await download(fast, jobId)).json();
    expect(body).toMatchObject({ jobId, apiProduct: product });
    expect(body.outputs).toHaveLength(1);
    expect(Object.keys(body.outputs[0])).toEqual(["url", "expiresAt", "sizeBytes"]);
    expect(new URL(body.outputs[0].url).pathname).toBe(`/files/${jobId}/output.mp4`);
  });

  it.each([
    [3600, undefined, SEED_EXPIRES_AT],
    [undefined, "", SEED_EXPIRES_AT],
    [undefined, "{}", SEED_EXPIRES_AT],
    [60, undefined, "2025-12-07T13:31:00Z"],
    [604800, undefined, "2025-12-14T13:30:00Z"],
  ])("expirationSeconds %j (raw body %j) expires at %s", async (expirationSeconds, rawBody, expiresAt) => {
    const jobId = await sharedJob;
    const response = await download(fast, jobId, { expirationSeconds }, { rawBody });
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.expiresAt).toBe(expiresAt);
    expect(body.outputs[0].expiresAt).toBe(expiresAt);
  });
});

describe("download-result errors", () => {
  it("answers 404 for an unknown job", async () => {
    await expectSeedError(await download(fast, "job_doesnotexist"), 404, "RESOURCE_NOT_FOUND", "Job not found");
  });

  it("answers 404 for another API key's job, as if it did not exist", async () => {
    const jobId = await sharedJob;
    await expectSeedError(
      await download(fast, jobId, undefined, { apiKey: OTHER_API_KEY }),
      404,
      "RESOURCE_NOT_FOUND",
      "Job not found",
    );
  });

  it.each(
    [59, 604801, 1.5, "3600", -1, 0, null, true, [3600], { seconds: 3600 }].map((value) => [
      JSON.stringify(value),
      value,
    ]),
  )("answers 400 to expirationSeconds %s", async (_label, expirationSeconds) => {
    const jobId = await sharedJob;
    await expectSeedError(
      await download(fast, jobId, { expirationSeconds }),
      400,
      "INVALID_REQUEST",
      "Expiration time must be between 60 and 604800 seconds",
    );
  });

  it.each([
    ["{", "Request body must be valid JSON"],
    ["expirationSeconds=3600", "Request body must be valid JSON"],
    ["[]", "Request body must be a JSON object"],
  ])("answers 400 to the body %j", async (rawBody, message) => {
    const jobId = await sharedJob;
    await expectSeedError(await download(fast, jobId, null, { rawBody }), 400, "INVALID_REQUEST", message);
  });

  it("answers 400 with the current status while the job runs", async () => {
    const jobId = await slow.createJob("transcribe", { mediaUrl: MEDIA });
    await expectSeedError(
      await download(slow, jobId),
      400,
      "INVALID_REQUEST",
      "Job is not completed yet. Current status: created",
    );
  });

  it("names an intermediate status as it is", async () => {
    const h = slowFromTranscribing;
    const jobId = await h.createJob("dub", { mediaUrl: MEDIA, targetLanguage: "es" });
    await waitForJob(h.sim, jobId, (job) => job.status === "transcribing");
    await expectSeedError(
      await download(h, jobId),
      400,
      "INVALID_REQUEST",
      "Job is not completed yet. Current status: transcribing",
    );
  });

  it.each([
    ["failed", "https://media.example.com/uploads/fail-corrupt.mp4"],
    ["rejected", "https://media.example.com/uploads/reject-huge.mp4"],
  ])("answers 400 for a %s job", async (status, mediaUrl) => {
    const jobId = await fast.createJob("transcribe", { mediaUrl });
    expect((await waitForJob(fast.sim, jobId)).status).toBe(status);
    await expectSeedError(
      await download(fast, jobId),
      400,
      "INVALID_REQUEST",
      "Job failed. No output files available.",
    );
  });
});
