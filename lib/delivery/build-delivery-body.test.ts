import { Webhook } from "standardwebhooks";
import { describe, expect, it } from "vitest";
import { generateWebhookSecret } from "@/lib/crypto/webhook-secret";
import { buildDeliveryBody } from "./build-delivery-body";
import { signWebhook } from "./sign-webhook";

const stored = {
  event: "job.completed",
  timestamp: "2025-12-07T12:34:56Z",
  data: {
    jobId: "job_abc123",
    status: "transcribed",
    apiProduct: "transcribe",
    duration: 125.5,
    cost: 2.51,
    outputs: [{ url: "https://s3.amazonaws.com/bucket/path.srt", expiresAt: "2025-12-07T13:34:56Z", sizeBytes: 12458 }],
  },
};

describe("buildDeliveryBody", () => {
  it("rebuilds the documented job.completed payload with the fresh links, in its key order", () => {
    const fresh = [
      {
        url: "https://files.example/path.srt?X-Amz-Signature=abc",
        expiresAt: "2026-01-01T01:00:00Z",
        sizeBytes: 12458,
      },
    ];
    expect(buildDeliveryBody("job.completed", stored, fresh)).toBe(
      JSON.stringify({
        event: "job.completed",
        timestamp: "2025-12-07T12:34:56Z",
        data: { ...stored.data, outputs: fresh },
      }),
    );
  });

  it("keeps outputIndex where the upstream gives it (translate)", () => {
    const fresh = [0, 1].map((outputIndex) => ({
      outputIndex,
      url: `https://f.example/p_${outputIndex}.srt?sig=1`,
      expiresAt: "2026-01-01T01:00:00Z",
      sizeBytes: 10,
    }));
    const body = JSON.parse(buildDeliveryBody("job.completed", stored, fresh));
    expect(body.data.outputs).toEqual(fresh);
  });

  it("passes other events through as stored, and never sends a link without its signature", () => {
    const processing = {
      event: "job.processing",
      timestamp: "2025-12-07T12:00:10Z",
      data: { jobId: "job_1", status: "transcribing", apiProduct: "dub", duration: 60 },
    };
    expect(JSON.parse(buildDeliveryBody("job.processing", processing, null))).toEqual(processing);
    expect(JSON.parse(buildDeliveryBody("job.completed", stored, null)).data.outputs).toBeUndefined();
  });
});

describe("signWebhook", () => {
  it("signs so that the standardwebhooks package verifies, with each secret during a rotation", () => {
    const [current, previous, other] = [generateWebhookSecret(), generateWebhookSecret(), generateWebhookSecret()];
    const body = buildDeliveryBody("job.completed", stored, null);
    const timestampSeconds = Math.floor(Date.now() / 1000);
    const headers = signWebhook({ messageId: "msg_1", timestampSeconds, body, secrets: [current, previous] });
    expect(headers["webhook-signature"].split(" ")).toHaveLength(2);
    expect(() => new Webhook(current).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(previous).verify(body, headers)).not.toThrow();
    expect(() => new Webhook(other).verify(body, headers)).toThrow();
    expect(() => new Webhook(current).verify(`${body} `, headers)).toThrow();
  });
});
