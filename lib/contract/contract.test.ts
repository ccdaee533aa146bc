import { describe, expect, it } from "vitest";
import { DOWNLOAD_MESSAGES, downloadResultResponseSchema, parseDownloadResultBody } from "./download-result";
import { describeZodError } from "./errors";
import { futureEventSchema, webhookPayloadSchema } from "./webhook-payload";

describe("download-result request", () => {
  it("defaults to 3600 seconds for an empty body or an empty object", () => {
    expect(parseDownloadResultBody("")).toEqual({ ok: true, value: { expirationSeconds: 3600 } });
    expect(parseDownloadResultBody("{}")).toEqual({ ok: true, value: { expirationSeconds: 3600 } });
  });

  it.each([60, 3600, 604800])("accepts %i", (seconds) => {
    expect(parseDownloadResultBody(JSON.stringify({ expirationSeconds: seconds }))).toEqual({
      ok: true,
      value: { expirationSeconds: seconds },
    });
  });

  it.each([59, 604801, 1.5, "3600", -1, null])("refuses %j with the documented message", (seconds) => {
    expect(parseDownloadResultBody(JSON.stringify({ expirationSeconds: seconds }))).toEqual({
      ok: false,
      message: "Expiration time must be between 60 and 604800 seconds",
    });
  });

  it("refuses a body that is not JSON or not an object", () => {
    expect(parseDownloadResultBody("{oops").ok).toBe(false);
    expect(parseDownloadResultBody("[]").ok).toBe(false);
  });

  it("has the documented messages", () => {
    expect(DOWNLOAD_MESSAGES.notFound).toBe("Job not found");
    expect(DOWNLOAD_MESSAGES.failed).toBe("Job failed. No output files available.");
    expect(DOWNLOAD_MESSAGES.notCompleted("processing")).toBe("Job is not completed yet. Current status: processing");
  });
});

describe("the documentation's examples parse", () => {
  it("download-result responses", () => {
    const translate = {
      jobId: "job_xyz789",
      apiProduct: "translate",
      expiresAt: "2025-12-07T14:30:00Z",
      outputs: [
        {
          outputIndex: 0,
          url: "https://s3.amazonaws.com/bucket/path_0.srt?X-Amz-Algorithm=...",
          expiresAt: "2025-12-07T14:30:00Z",
          sizeBytes: 8234,
        },
        {
          outputIndex: 1,
          url: "https://s3.amazonaws.com/bucket/path_1.srt?X-Amz-Algorithm=...",
          expiresAt: "2025-12-07T14:30:00Z",
          sizeBytes: 7891,
        },
      ],
    };
    expect(downloadResultResponseSchema.parse(translate)).toEqual(translate);
  });

  it("the job.completed webhook", () => {
    const payload = {
      event: "job.completed",
      timestamp: "2025-12-07T12:34:56Z",
      data: {
        jobId: "job_abc123",
        status: "transcribed",
        apiProduct: "transcribe",
        duration: 125.5,
        cost: 2.51,
        outputs: [
          {
            url: "https://s3.amazonaws.com/bucket/path.srt?X-Amz-Algorithm=...",
            expiresAt: "2025-12-07T13:34:56Z",
            sizeBytes: 12458,
          },
        ],
      },
    };
    expect(webhookPayloadSchema.parse(payload)).toEqual(payload);
  });
});

describe("webhook payload contract", () => {
  const base = {
    event: "job.processing",
    timestamp: "2025-12-07T12:34:56Z",
    data: { jobId: "job_1", status: "transcribing", apiProduct: "dub" },
  };

  it("names the field that breaks the contract", () => {
    const result = webhookPayloadSchema.safeParse({
      ...base,
      data: { ...base.data, status: "dubbing", apiProduct: "transcribe" },
    });
    expect(result.success).toBe(false);
    if (!result.success) expect(describeZodError(result.error)).toMatch(/^data\.status: /);
    const wrongEvent = webhookPayloadSchema.safeParse({ ...base, event: "job.completed" });
    expect(wrongEvent.success).toBe(false);
    if (!wrongEvent.success) expect(describeZodError(wrongEvent.error)).toMatch(/^event: /);
  });

  it("refuses a missing job id and a bad timestamp", () => {
    expect(webhookPayloadSchema.safeParse({ ...base, data: { ...base.data, jobId: "" } }).success).toBe(false);
    expect(webhookPayloadSchema.safeParse({ ...base, timestamp: "yesterday" }).success).toBe(false);
  });

  it("recognises a future event type without applying it", () => {
    expect(webhookPayloadSchema.safeParse({ ...base, event: "job.archived" }).success).toBe(false);
    expect(futureEventSchema.safeParse({ ...base, event: "job.archived" }).success).toBe(true);
  });
});
