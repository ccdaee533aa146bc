import { describe, expect, it } from "vitest";
import { upstreamDownloadResultSchema } from "./download-result";
import { outputUrlProblem } from "./output-url";

const UPSTREAM = "http://127.0.0.1:4010";

describe("output URLs an upstream may hand out", () => {
  it.each([
    "https://s3.amazonaws.com/bucket/path.srt?X-Amz-Algorithm=AWS4-HMAC-SHA256",
    "https://93.184.216.34/file.mp4",
    "http://127.0.0.1:4010/files/job_1/out.srt?expires=1&sig=x",
    "https://files.example.com/talk.mp4",
  ])("accepts %s", (url) => {
    expect(outputUrlProblem(url, UPSTREAM)).toBeNull();
  });

  it.each([
    ["javascript:alert(document.cookie)", /https/],
    ["data:text/html,<script>alert(1)</script>", /https/],
    ["file:///etc/passwd", /https/],
    ["ftp://files.example.com/a.srt", /https/],
    ["http://files.example.com/a.srt", /https/],
    ["http://127.0.0.1:4011/files/a.srt", /https/], // another port: another origin
    ["https://127.0.0.1/a.srt", /public address/],
    ["https://169.254.169.254/latest/meta-data/", /public address/],
    ["https://[::1]/a.srt", /public address/],
    ["https://10.0.0.5/a.srt", /public address/],
    ["https://2130706433/a.srt", /public address/],
    ["https://user:pw@files.example.com/a.srt", /credentials/],
    ["not a url", /URL/],
  ])("refuses %s", (url, problem) => {
    expect(outputUrlProblem(url, UPSTREAM)).toMatch(problem);
  });

  it("without a configured upstream, only https to public addresses", () => {
    expect(outputUrlProblem("http://127.0.0.1:4010/files/a.srt", null)).toMatch(/https/);
    expect(outputUrlProblem("https://files.example.com/a.srt", null)).toBeNull();
  });

  it("an upstream answer names the offending field, and more than 1,000 outputs are refused", () => {
    const answer = (urls: string[]) => ({
      jobId: "job_1",
      apiProduct: "translate",
      expiresAt: "2026-12-01T12:00:00Z",
      outputs: urls.map((url, outputIndex) => ({ outputIndex, url, expiresAt: "2026-12-01T12:00:00Z", sizeBytes: 1 })),
    });
    const bad = upstreamDownloadResultSchema(UPSTREAM).safeParse(
      answer(["https://a.example/0.srt", "javascript:alert(1)"]),
    );
    expect(bad.success).toBe(false);
    expect(bad.error?.issues[0].path).toEqual(["outputs", 1, "url"]);
    const many = upstreamDownloadResultSchema(UPSTREAM).safeParse(
      answer(Array.from({ length: 1001 }, (_, i) => `https://a.example/${i}.srt`)),
    );
    expect(many.success).toBe(false);
    expect(upstreamDownloadResultSchema(UPSTREAM).safeParse(answer(["https://a.example/0.srt"])).success).toBe(true);
  });
});
