import { describe, expect, it } from "vitest";
import { buildEventInput, outputKindOf } from "./build-event-input";
import { redactPresignedUrls } from "./redact-presigned-urls";
import { parseIngestPayload } from "./schemas";
import {
  dubJobEvents,
  failedDubJobEvents,
  PRESIGNED_QUERY,
  sampleOutput,
  samplePayload,
  T0,
} from "./testing/sample-events";

const target = { workspaceId: "ws_1", webhookId: "msg_1" };
const inputOf = (payload: unknown) =>
  buildEventInput(target, parseIngestPayload(payload, JSON.stringify(payload)), payload);

describe("outputKindOf", () => {
  it.each([
    ["https://s3.amazonaws.com/b/path.srt?X-Amz-Signature=x", "srt"],
    ["https://s3.amazonaws.com/b/PATH_0.SRT", "srt"],
    ["https://cdn.example/a/voice.m4a?sig=1", "audio"],
    ["https://cdn.example/a/voice.mp3", "audio"],
    ["https://cdn.example/a/voice.aac", "audio"],
    ["https://cdn.example/a/voice.wav", "audio"],
    ["https://cdn.example/a/video.mp4?x=.srt", "video"],
    ["https://cdn.example/a.srt/video", "video"],
    ["https://cdn.example/a/noextension", "video"],
  ])("%s is %s", (url, kind) => {
    expect(outputKindOf(url)).toBe(kind);
  });
});

describe("redactPresignedUrls", () => {
  it("drops the query string and fragment of every http(s) URL, and nothing else", () => {
    const value = {
      url: `https://s3.amazonaws.com/bucket/path.srt?${PRESIGNED_QUERY}`,
      nested: [{ link: "http://x.example/a?token=secret#frag" }, "plain text?", 42, null, true],
      note: "see https://x.example/a?b=c later",
    };
    expect(redactPresignedUrls(value)).toEqual({
      url: "https://s3.amazonaws.com/bucket/path.srt",
      nested: [{ link: "http://x.example/a" }, "plain text?", 42, null, true],
      note: "see https://x.example/a?b=c later",
    });
  });

  it("keeps keys in order, a __proto__ key as a plain key, and walks any nesting without recursion", () => {
    const parsed = JSON.parse('{"z":1,"__proto__":{"polluted":true},"a":["https://x.example/p?sig=1"]}') as unknown;
    const copy = redactPresignedUrls(parsed);
    expect(JSON.stringify(copy)).toBe('{"z":1,"__proto__":{"polluted":true},"a":["https://x.example/p"]}');
    expect(({} as { polluted?: boolean }).polluted).toBeUndefined();
    const deep = JSON.parse(`${"[".repeat(50_000)}"https://x.example/p?sig=1"${"]".repeat(50_000)}`) as unknown;
    let inner = redactPresignedUrls(deep);
    for (let level = 0; level < 50_000; level += 1) inner = (inner as unknown[])[0];
    expect(inner).toBe("https://x.example/p");
  });
});

describe("buildEventInput", () => {
  it("records a completed job's outputs (index absent → its position, 0 for a single one) and keeps no query string", () => {
    const [completed] = dubJobEvents("job_a").slice(-1);
    const input = inputOf(completed);
    expect(input).toMatchObject({
      status: "merged",
      state: "completed",
      occurredAt: new Date(T0 + 80_000).toISOString(),
      completedAt: new Date(T0 + 80_000).toISOString(),
      failureReason: null,
      duration: 125.5,
      cost: 2.51,
      wordCount: null,
      outputs: [{ outputIndex: 0, sizeBytes: 45_678_901, kind: "video" }],
    });
    expect(JSON.stringify(input.payload)).not.toContain("X-Amz");
    expect(JSON.stringify(input.payload)).toContain("https://s3.amazonaws.com/bucket/job_a/dubbed.mp4");

    const translate = samplePayload("translate", "translated", "job_t", T0, {
      outputs: [sampleOutput("t_1.srt", 7891, 1), sampleOutput("t_0.srt", 8234, 0)],
    });
    expect(inputOf(translate).outputs).toEqual([
      { outputIndex: 1, sizeBytes: 7891, kind: "srt" },
      { outputIndex: 0, sizeBytes: 8234, kind: "srt" },
    ]);
  });

  it("takes the failure reason from a failed event, and records no outputs for other events", () => {
    const failed = inputOf(failedDubJobEvents("job_f")[2]);
    expect(failed).toMatchObject({
      status: "failed",
      state: "failed",
      failureReason: "Audio track could not be decoded",
      completedAt: null,
    });
    const processing = inputOf(samplePayload("dub", "dubbing", "job_p", T0, { outputs: [sampleOutput("x.mp4", 1)] }));
    expect(processing).toMatchObject({ status: "dubbing", state: "in_progress", outputs: [] });
  });

  it("normalises the timestamp to UTC milliseconds", () => {
    const payload = {
      ...samplePayload("transcribe", "created", "job_z", T0),
      timestamp: "2025-12-07T13:00:00.123456+01:00",
    };
    expect(inputOf(payload).occurredAt).toBe("2025-12-07T12:00:00.123Z");
  });

  it("keeps a future event type unapplied, with its status as text", () => {
    const future = {
      event: "job.progress_updated",
      timestamp: "2025-12-07T12:00:00Z",
      data: { jobId: "job_x", apiProduct: "dub", status: "halfway", percent: 50 },
    };
    expect(inputOf(future)).toMatchObject({
      status: null,
      statusText: "halfway",
      state: null,
      outputs: [],
      event: "job.progress_updated",
    });
  });
});
