import { Writable } from "node:stream";
import { describe, expect, it } from "vitest";
import { createLogger } from "./logger";

function capture(level = "debug") {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return {
    logger: createLogger(stream, level),
    text: () => lines.join(""),
    records: () => lines.map((line) => JSON.parse(line) as Record<string, unknown>),
  };
}

const PRESIGNED = "https://s3.amazonaws.com/bucket/path.srt?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Signature=deadbeef";
const SIGNING_SECRET = "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw";
const API_KEY = "jp_live_3q2-Zx9_aa7";

describe("logger", () => {
  it("writes one JSON line with level, time, message and fields", () => {
    const { logger, records } = capture();
    logger.info({ jobId: "job_1" }, "webhook event ignored");
    expect(records()).toEqual([
      {
        level: "info",
        time: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
        message: "webhook event ignored",
        jobId: "job_1",
      },
    ]);
  });

  it("never writes a presigned URL's query string, a whsec_ secret, a jp_live_ key or a Bearer token, wherever they are", () => {
    const { logger, text } = capture();
    const error = new Error(`upstream answered for ${PRESIGNED} signed with ${SIGNING_SECRET}`);
    logger.warn(
      { url: PRESIGNED, nested: { note: `key ${API_KEY}`, header: `Bearer ${API_KEY}x` }, error },
      `retrying ${PRESIGNED}`,
    );
    logger.error({ list: [SIGNING_SECRET, `Authorization: bearer abc.def`] }, "failed");
    const written = text();
    for (const secret of ["X-Amz-Signature", "deadbeef", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw", "3q2-Zx9_aa7", "abc.def"])
      expect(written).not.toContain(secret);
    expect(written).toContain("https://s3.amazonaws.com/bucket/path.srt?[redacted]");
    expect(written).toContain("whsec_[redacted]");
    expect(written).toContain("jp_live_[redacted]");
    // The error keeps what helps: its type, message (redacted) and stack.
    expect(JSON.parse(written.split("\n")[0]).error).toMatchObject({
      type: "Error",
      message: expect.stringContaining("whsec_[redacted]"),
      stack: expect.any(String),
    });
  });

  it("masks credentials by key, whatever their format (a vendor's pasted secret has no recognisable shape)", () => {
    const { logger, text, records } = capture();
    logger.warn(
      {
        secret: "s3cr3t-vendor",
        headers: { authorization: "Token abc123" },
        request: { headers: { cookie: "session=xyz" } },
        profile: { apiKey: "sk_upstream" },
      },
      "refused",
    );
    for (const secret of ["s3cr3t-vendor", "abc123", "session=xyz", "sk_upstream"])
      expect(text()).not.toContain(secret);
    expect(records()[0]).toMatchObject({
      secret: "[redacted]",
      headers: { authorization: "[redacted]" },
      profile: { apiKey: "[redacted]" },
    });
  });

  it("drops what is below its level", () => {
    const { logger, records } = capture("warn");
    logger.info("not written");
    logger.warn("written");
    expect(records().map((record) => record.message)).toEqual(["written"]);
  });
});
