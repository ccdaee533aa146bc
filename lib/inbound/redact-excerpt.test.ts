import { describe, expect, it } from "vitest";
import { redactExcerpt } from "./redact-excerpt";

describe("redactExcerpt", () => {
  it("cuts presigned URLs' query strings, escaped slashes too", () => {
    const body = JSON.stringify({
      url: "https://s3.amazonaws.com/bucket/path.srt?X-Amz-Algorithm=AWS4&X-Amz-Signature=abc123",
    });
    expect(redactExcerpt(body, [])).toBe('{"url":"https://s3.amazonaws.com/bucket/path.srt?[redacted]"}');
    expect(redactExcerpt('{"url":"https:\\/\\/files.example\\/a.mp4?sig=1"}', [])).toBe(
      '{"url":"https:\\/\\/files.example\\/a.mp4?[redacted]"}',
    );
  });

  it("redacts credential-like fields, whsec_ and Bearer shapes, and the workspace's secrets", () => {
    const body = JSON.stringify({
      apiKey: "k-123",
      client_secret: "s",
      accessToken: "t",
      note: "whsec_QUJD and Bearer abc.def and vendor-secret-42",
    });
    const out = redactExcerpt(body, ["vendor-secret-42", "short"]);
    expect(out).toBe(
      '{"apiKey":"[redacted]","client_secret":"[redacted]","accessToken":"[redacted]","note":"whsec_[redacted] and Bearer [redacted] and [secret]"}',
    );
  });

  it("keeps the first KiB and says how long the whole was, never leaving half a secret at the cut", () => {
    const secret = "s".repeat(40);
    const text = `${"x".repeat(1000)}${secret}${"y".repeat(5000)}`;
    const out = redactExcerpt(text, [secret], 1024);
    expect(out).toBe(`${"x".repeat(1000)}[secret]${"y".repeat(16)}… (6040 characters in all)`);
    expect(out).not.toContain("ssss");
    expect(redactExcerpt("short", [], 1024, 10_000)).toBe("short… (10000 characters in all)");
  });
});
