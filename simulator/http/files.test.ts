import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { type Cue, parseSrt } from "../outputs/srt";
import { type Harness, startHarness } from "../testing/harness";
import { waitForJob } from "../testing/wait-for-job";

// The presigned links: what they serve, and that expired or altered ones are refused.

const MEDIA = "https://media.example.com/interviews/ep-12.mp4";
let offsetMs = 0;
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ webhook: null, now: () => Date.now() + offsetMs });
});
afterAll(() => h.close());

interface Output {
  outputIndex?: number;
  url: string;
  sizeBytes: number;
}

async function outputsOf(product: string, body: Record<string, unknown>, expirationSeconds = 3600) {
  const jobId = await h.createJob(product, body);
  await waitForJob(h.sim, jobId);
  const response = await h.post(`/v1/jobs/${jobId}/download-result`, { expirationSeconds });
  expect(response.status).toBe(200);
  return { jobId, outputs: ((await response.json()) as { outputs: Output[] }).outputs };
}

async function fetchOutput(output: Output) {
  const response = await fetch(output.url);
  const bytes = Buffer.from(await response.arrayBuffer());
  expect(response.status).toBe(200);
  expect(bytes.length).toBe(output.sizeBytes);
  expect(Number(response.headers.get("content-length"))).toBe(output.sizeBytes);
  return { response, bytes };
}

function parseOk(text: string): Cue[] {
  const parsed = parseSrt(text);
  if (!parsed.ok) throw new Error(parsed.error);
  // Numbered from 1, consecutively, one blank line between cues.
  expect(
    text
      .trimEnd()
      .split(/\n\n/)
      .map((block) => block.split("\n")[0]),
  ).toEqual(parsed.cues.map((_, i) => String(i + 1)));
  return parsed.cues;
}

describe("served outputs", () => {
  it("serves a transcript as a parsable SRT attachment of exactly sizeBytes", async () => {
    const { jobId, outputs } = await outputsOf("transcribe", { mediaUrl: MEDIA });
    const { response, bytes } = await fetchOutput(outputs[0]);
    expect(response.headers.get("content-type")).toBe("application/x-subrip");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${jobId}_transcript.srt"`);
    expect(parseOk(bytes.toString("utf8")).length).toBeGreaterThan(20);
  });

  it("splits a translation into ordered SRT files, translated", async () => {
    const { outputs } = await outputsOf("translate", { mediaUrl: MEDIA, sourceLanguage: "en", targetLanguage: "es" });
    expect(outputs.length).toBeGreaterThanOrEqual(2);
    expect(outputs.length).toBeLessThanOrEqual(3);
    let previousEnd = -1;
    for (const output of outputs) {
      const cues = parseOk((await fetchOutput(output)).bytes.toString("utf8"));
      expect(cues.length).toBeLessThanOrEqual(20);
      expect(cues[0].startMs).toBeGreaterThan(previousEnd);
      previousEnd = cues.at(-1)!.endMs;
    }
  });

  it("translates the cues of srtContent, keeping their timing", async () => {
    const srtContent =
      "1\n00:00:01,000 --> 00:00:03,000\nWelcome back to the show, everyone.\n\n2\n00:00:04,000 --> 00:00:05,000\nSomething new\n";
    const { outputs } = await outputsOf("translate", { srtContent, targetLanguage: "fr" });
    expect(outputs).toHaveLength(1);
    const cues = parseOk((await fetchOutput(outputs[0])).bytes.toString("utf8"));
    expect(cues).toEqual([
      { startMs: 1000, endMs: 3000, lines: ["Bon retour dans l'émission, tout le monde."] },
      { startMs: 4000, endMs: 5000, lines: ["[fr] Something new"] },
    ]);
  });

  it.each([
    ["voiceover", { srtUrl: "https://media.example.com/s.srt" }, "video/mp4", "output.mp4"],
    ["dub", { targetLanguage: "es" }, "video/mp4", "output.mp4"],
    ["dub", { targetLanguage: "es", outputFormat: "audio_only" }, "audio/mp4", "output.m4a"],
  ])("serves %s %j as %s starting with an ftyp box", async (product, extra, contentType, name) => {
    const { jobId, outputs } = await outputsOf(product, { mediaUrl: MEDIA, ...extra });
    const { response, bytes } = await fetchOutput(outputs[0]);
    expect(response.headers.get("content-type")).toBe(contentType);
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${jobId}_${name}"`);
    expect(bytes.subarray(4, 8).toString("latin1")).toBe("ftyp");
    expect(bytes.length).toBeLessThan(100 * 1024);
  });

  it("answers byte ranges and HEAD like S3", async () => {
    const { outputs } = await outputsOf("dub", { mediaUrl: MEDIA, targetLanguage: "es" });
    const ranged = await fetch(outputs[0].url, { headers: { range: "bytes=0-7" } });
    expect(ranged.status).toBe(206);
    expect(ranged.headers.get("content-range")).toBe(`bytes 0-7/${outputs[0].sizeBytes}`);
    expect(
      Buffer.from(await ranged.arrayBuffer())
        .subarray(4)
        .toString("latin1"),
    ).toBe("ftyp");
    const head = await fetch(outputs[0].url, { method: "HEAD" });
    expect(head.status).toBe(200);
    expect(Number(head.headers.get("content-length"))).toBe(outputs[0].sizeBytes);
  });
});

describe("link security", () => {
  async function expectDenied(url: string, code: string, message: RegExp) {
    const response = await fetch(url);
    expect(response.status).toBe(403);
    expect(response.headers.get("content-type")).toBe("application/xml");
    const xml = await response.text();
    expect(xml).toContain(`<Code>${code}</Code>`);
    expect(xml).toMatch(message);
  }

  it("refuses a link once it has expired", async () => {
    const { outputs } = await outputsOf("transcribe", { mediaUrl: MEDIA }, 60);
    await fetchOutput(outputs[0]);
    offsetMs += 59_000;
    await fetchOutput(outputs[0]);
    offsetMs += 2_000;
    try {
      await expectDenied(outputs[0].url, "AccessDenied", /Request has expired/);
    } finally {
      offsetMs = 0;
    }
  });

  it("refuses altered links", async () => {
    const { jobId, outputs } = await outputsOf("translate", { mediaUrl: MEDIA, targetLanguage: "de" });
    const url = new URL(outputs[0].url);
    const altered = (change: (u: URL) => void) => {
      const copy = new URL(url);
      change(copy);
      return copy.toString();
    };
    const signature = url.searchParams.get("X-Amz-Signature")!;
    const flipped = `${signature.slice(0, -1)}${signature.endsWith("0") ? "1" : "0"}`;
    for (const tampered of [
      altered((u) => u.searchParams.set("X-Amz-Signature", flipped)),
      altered((u) => u.searchParams.set("X-Amz-Expires", "604800")),
      altered((u) => u.searchParams.set("X-Amz-Date", "20991231T000000Z")),
      altered((u) => (u.pathname = `/files/${jobId}/translation_1.srt`)),
      altered((u) => u.searchParams.set("X-Amz-Signature", "not-hex")),
    ]) {
      await expectDenied(tampered, "SignatureDoesNotMatch", /does not match/);
    }
    await expectDenied(
      altered((u) => u.searchParams.delete("X-Amz-Signature")),
      "AccessDenied",
      /requires/,
    );
    await expectDenied(`${h.sim.url}/files/${jobId}/transcript.srt`, "AccessDenied", /requires/);
  });

  it("refuses links signed by another simulator process", async () => {
    const { outputs } = await outputsOf("transcribe", { mediaUrl: MEDIA });
    const other = await startHarness({ webhook: null });
    try {
      const foreign = new URL(outputs[0].url);
      foreign.port = String(other.sim.port);
      await expectDenied(foreign.toString(), "SignatureDoesNotMatch", /does not match/);
    } finally {
      await other.close();
    }
  });
});
