import { describe, expect, it } from "vitest";
import {
  captureExchange,
  cutToBytes,
  MAX_HEADER_VALUE_LENGTH,
  MAX_RESPONSE_HEADERS,
  MAX_STORED_BODY_BYTES,
  redactBody,
  redactLinkCredentials,
  signedContent,
} from "./capture-exchange";

describe("redactLinkCredentials", () => {
  it("keeps what says when a presigned link was signed and for how long, and redacts the rest", () => {
    const link =
      "https://bucket.s3.amazonaws.com/out.srt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=AKIA%2Fscope&X-Amz-Date=20261201T090000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=abc123";
    expect(redactLinkCredentials(link)).toBe(
      "https://bucket.s3.amazonaws.com/out.srt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=REDACTED&X-Amz-Date=20261201T090000Z&X-Amz-Expires=3600&X-Amz-SignedHeaders=host&X-Amz-Signature=REDACTED",
    );
  });

  it("redacts any other scheme's parameters and drops fragments; leaves text and plain links alone", () => {
    expect(redactLinkCredentials("https://cdn.example.com/v.mp4?token=s3cr3t&sig=x#t=5")).toBe(
      "https://cdn.example.com/v.mp4?token=REDACTED&sig=REDACTED",
    );
    expect(redactLinkCredentials("https://example.com/plain.srt")).toBe("https://example.com/plain.srt");
    expect(redactLinkCredentials("transcribed")).toBe("transcribed");
  });
});

describe("redactBody", () => {
  it("rewrites only the links of a JSON body, keeping its bytes otherwise", () => {
    const body = JSON.stringify({
      event: "job.completed",
      data: {
        jobId: "job_1",
        outputs: [{ outputIndex: 0, url: "https://x.example.com/a.srt?Signature=1", sizeBytes: 3 }],
      },
    });
    expect(redactBody(body)).toBe(body.replace("Signature=1", "Signature=REDACTED"));
  });

  it("cuts query strings from text that is not JSON", () => {
    expect(redactBody('not json "https://x.example.com/a?sig=1" end')).toBe(
      'not json "https://x.example.com/a?REDACTED" end',
    );
  });
});

describe("captureExchange", () => {
  it("bounds what it keeps: the body, the number and length of the answer's headers; cookies redacted", () => {
    const body = JSON.stringify({ text: "é".repeat(MAX_STORED_BODY_BYTES) });
    const headers = Object.fromEntries(Array.from({ length: 50 }, (_, n) => [`x-h${n}`, "v".repeat(2_000)]));
    const exchange = captureExchange("https://hooks.example.com/a", { "webhook-id": "msg_1" }, body, {
      ...headers,
      "set-cookie": ["a=1"],
    });
    expect(Buffer.byteLength(exchange.requestBody)).toBeLessThanOrEqual(MAX_STORED_BODY_BYTES);
    expect(exchange.requestBody).not.toContain("\ufffd");
    expect(exchange.requestBodyBytes).toBe(Buffer.byteLength(body));
    expect(Object.keys(exchange.responseHeaders!)).toHaveLength(MAX_RESPONSE_HEADERS);
    expect(Object.values(exchange.responseHeaders!).every((value) => value.length <= MAX_HEADER_VALUE_LENGTH)).toBe(
      true,
    );
    expect(captureExchange("https://h", {}, "{}", { "set-cookie": ["a=1"] }).responseHeaders).toEqual({
      "set-cookie": "REDACTED",
    });
    expect(captureExchange("https://h", {}, "{}", null).responseHeaders).toBeNull();
  });

  it("cutToBytes never splits a character", () => {
    expect(cutToBytes("aé", 2)).toBe("a");
    expect(cutToBytes("abc", 5)).toBe("abc");
  });

  it("the signed string is id.timestamp.body", () => {
    expect(signedContent({ "webhook-id": "msg_1", "webhook-timestamp": "1700000000" }, "{}")).toBe(
      "msg_1.1700000000.{}",
    );
  });
});
