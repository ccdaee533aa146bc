import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, type Harness, startHarness } from "../testing/harness";

// POST /v1/{product}: the job creation contract and every validation case, over real HTTP.

let h: Harness;
beforeAll(async () => {
  // No webhook target: these tests only look at the HTTP answers.
  h = await startHarness({ webhook: null });
});
afterAll(() => h.close());

const MEDIA = "https://media.example.com/interviews/ep-12.mp4";
const SRT_URL = "https://media.example.com/subtitles/ep-12.en.srt";
const SRT = "1\n00:00:01,000 --> 00:00:03,000\nWelcome back to the show, everyone.\n";

async function expectError(response: Response, status: number, code: string, message: string | RegExp) {
  expect(response.status).toBe(status);
  expect(response.headers.get("content-type")).toMatch(/^application\/json/);
  const body = (await response.json()) as { error: { code: string; message: string } };
  expect(Object.keys(body)).toEqual(["error"]);
  expect(Object.keys(body.error)).toEqual(["code", "message"]);
  expect(body.error.code).toBe(code);
  if (typeof message === "string") expect(body.error.message).toBe(message);
  else expect(body.error.message).toMatch(message);
}

describe("creating jobs", () => {
  it.each([
    ["transcribe", { mediaUrl: MEDIA, sourceLanguage: "en" }],
    ["translate", { mediaUrl: MEDIA, targetLanguage: "es" }],
    ["translate", { srtUrl: SRT_URL, sourceLanguage: "en", targetLanguage: "pt-BR" }],
    ["translate", { srtContent: SRT, targetLanguage: "fr" }],
    ["voiceover", { mediaUrl: MEDIA, srtUrl: SRT_URL }],
    ["voiceover", { mediaUrl: MEDIA, srtContent: SRT, outputFormat: "audio_only" }],
    ["dub", { mediaUrl: MEDIA, targetLanguage: "de", outputFormat: "same" }],
  ])("accepts a %s job: 202 with jobId, status pending and a message", async (product, body) => {
    const response = await h.post(`/v1/${product}`, body);
    expect(response.status).toBe(202);
    const json = (await response.json()) as Record<string, unknown>;
    expect(Object.keys(json)).toEqual(["jobId", "status", "message"]);
    expect(json.jobId).toMatch(/^job_[0-9a-f]{24}$/);
    expect(json.status).toBe("pending");
    expect(json.message).toEqual(expect.any(String));
    expect(h.sim.getJob(json.jobId as string)?.apiProduct).toBe(product);
  });

  it("gives every job its own id", async () => {
    const ids = await Promise.all([1, 2, 3].map(() => h.createJob("transcribe", { mediaUrl: MEDIA })));
    expect(new Set(ids).size).toBe(3);
  });
});

describe("authentication", () => {
  it.each([
    ["no Authorization header", null, /^Missing API key/],
    ["a wrong key", "sk_wrong", "Invalid API key"],
    ["a key that only shares a prefix", `${API_KEY}x`, "Invalid API key"],
    ["an empty bearer", "", /Expected: Bearer/],
  ])("answers 401 UNAUTHORIZED to %s", async (_case, apiKey, message) => {
    await expectError(await h.post("/v1/transcribe", { mediaUrl: MEDIA }, { apiKey }), 401, "UNAUTHORIZED", message);
    await expectError(await h.post("/v1/jobs/job_x/download-result", {}, { apiKey }), 401, "UNAUTHORIZED", message);
  });

  it("accepts the scheme in any case", async () => {
    const response = await fetch(`${h.sim.url}/v1/transcribe`, {
      method: "POST",
      headers: { authorization: `bearer ${API_KEY}` },
      body: JSON.stringify({ mediaUrl: MEDIA }),
    });
    expect(response.status).toBe(202);
  });
});

describe("routing", () => {
  it.each([
    ["POST", "/v1/summarize"],
    ["GET", "/v1/transcribe"],
    ["POST", "/v2/transcribe"],
    ["POST", "/v1/jobs/job_x"],
    ["GET", "/"],
  ])("answers 404 RESOURCE_NOT_FOUND to %s %s", async (method, path) => {
    const response = await fetch(`${h.sim.url}${path}`, {
      method,
      headers: { authorization: `Bearer ${API_KEY}` },
      ...(method === "POST" ? { body: "{}" } : {}),
    });
    await expectError(response, 404, "RESOURCE_NOT_FOUND", `No route for ${method} ${path}`);
  });
});

describe("request validation", () => {
  it.each([
    ["not json", "Request body must be valid JSON"],
    ["", "Request body must be valid JSON"],
    ["[]", "Request body must be a JSON object"],
    ["null", "Request body must be a JSON object"],
    ['"https://media.example.com/a.mp4"', "Request body must be a JSON object"],
  ])("refuses the body %j", async (rawBody, message) => {
    await expectError(await h.post("/v1/transcribe", null, { rawBody }), 400, "INVALID_REQUEST", message);
  });

  it.each([
    ["transcribe", {}, "mediaUrl: Required"],
    ["translate", { mediaUrl: MEDIA }, "targetLanguage: Required"],
    ["translate", { targetLanguage: "es" }, "Provide one of mediaUrl, srtUrl or srtContent"],
    ["translate", { srtUrl: SRT_URL, srtContent: SRT, targetLanguage: "es" }, "Provide only one of srtUrl, srtContent"],
    ["voiceover", { srtUrl: SRT_URL }, "mediaUrl: Required"],
    ["voiceover", { mediaUrl: MEDIA }, "Voiceover needs the script: provide srtUrl or srtContent"],
    ["dub", { mediaUrl: MEDIA }, "targetLanguage: Required"],
    ["dub", { targetLanguage: "es" }, "mediaUrl: Required"],
    [
      "dub",
      { mediaUrl: MEDIA, targetLanguage: "es", outputFormat: "video_only" },
      'outputFormat: Must be "same" or "audio_only"',
    ],
    [
      "voiceover",
      { mediaUrl: MEDIA, srtUrl: SRT_URL, outputFormat: "AUDIO_ONLY" },
      'outputFormat: Must be "same" or "audio_only"',
    ],
    ["transcribe", { mediaUrl: 42 }, "mediaUrl: Must be a string"],
    ["transcribe", { mediaUrl: "ftp://media.example.com/a.mp4" }, "mediaUrl: Must be an http or https URL"],
    ["transcribe", { mediaUrl: "media.example.com/a.mp4" }, "mediaUrl: Must be a valid URL"],
    [
      "transcribe",
      { mediaUrl: "http://localhost:8080/a.mp4" },
      "mediaUrl: Must not point to localhost or an internal host",
    ],
    [
      "transcribe",
      { mediaUrl: "http://0x7f000001/a.mp4" },
      "mediaUrl: Must not point to a private, loopback or link-local address",
    ],
    [
      "transcribe",
      { mediaUrl: "http://[::ffff:127.0.0.1]/a.mp4" },
      "mediaUrl: Must not point to a private, loopback or link-local address",
    ],
    [
      "transcribe",
      { mediaUrl: "http://169.254.169.254/a.mp4" },
      "mediaUrl: Must not point to a private, loopback or link-local address",
    ],
    [
      "transcribe",
      { mediaUrl: "https://192.168.0.10/a.mp4" },
      "mediaUrl: Must not point to a private, loopback or link-local address",
    ],
    [
      "transcribe",
      { mediaUrl: "https://media.example.com/watch" },
      "mediaUrl: Must end with a file name that has an extension (e.g. .mp4)",
    ],
    [
      "transcribe",
      { mediaUrl: "https://media.example.com/notes.txt" },
      "mediaUrl: Unsupported file extension .txt (expected e.g. .mp4)",
    ],
    [
      "translate",
      { srtUrl: "https://media.example.com/subs", targetLanguage: "es" },
      "srtUrl: Must end with a file name that has an extension (e.g. .mp4)",
    ],
    [
      "translate",
      { srtUrl: MEDIA, targetLanguage: "es" },
      "srtUrl: Unsupported file extension .mp4 (expected e.g. .srt)",
    ],
    [
      "translate",
      { srtUrl: "http://10.0.0.5/a.srt", targetLanguage: "es" },
      "srtUrl: Must not point to a private, loopback or link-local address",
    ],
    [
      "translate",
      { srtContent: "Hello", targetLanguage: "es" },
      "srtContent: Must be valid SRT: cue 1: expected a cue number",
    ],
    ["translate", { srtContent: "", targetLanguage: "es" }, "srtContent: Must not be empty"],
    [
      "translate",
      { mediaUrl: MEDIA, targetLanguage: "Spanish" },
      "targetLanguage: Must be a language code such as en or pt-BR",
    ],
    [
      "dub",
      { mediaUrl: MEDIA, sourceLanguage: "es", targetLanguage: "es" },
      "targetLanguage: Must differ from sourceLanguage",
    ],
    ["transcribe", { mediaURL: MEDIA }, "mediaUrl: Required"],
    ["transcribe", { mediaUrl: MEDIA, callbackUrl: "https://example.com/hook" }, 'Unrecognized key: "callbackUrl"'],
    ["transcribe", { mediaUrl: MEDIA, outputFormat: "same" }, 'Unrecognized key: "outputFormat"'],
  ])("refuses %s %j", async (product, body, message) => {
    await expectError(await h.post(`/v1/${product}`, body), 400, "INVALID_REQUEST", message);
  });

  it("refuses bodies over 2 MB with 413", async () => {
    const rawBody = JSON.stringify({ srtContent: "x".repeat(2 * 1024 * 1024), targetLanguage: "es" });
    await expectError(await h.post("/v1/translate", null, { rawBody }), 413, "PAYLOAD_TOO_LARGE", /2 MB/);
  });
});
