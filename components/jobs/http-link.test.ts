import { describe, expect, it } from "vitest";
import { httpLink } from "./http-link";

const PAGE = "https://portal.example/jobs/job_1";

describe("httpLink", () => {
  it.each([
    ["https://s3.amazonaws.com/b/p.srt?X-Amz-Signature=abc", "https://s3.amazonaws.com/b/p.srt?X-Amz-Signature=abc"],
    ["http://127.0.0.1:4010/files/job_1/a.srt", "http://127.0.0.1:4010/files/job_1/a.srt"],
    [
      "/api/jobs/job_1/download-all?expirationSeconds=3600",
      "https://portal.example/api/jobs/job_1/download-all?expirationSeconds=3600",
    ],
  ])("keeps %s", (url, expected) => {
    expect(httpLink(url, PAGE)).toBe(expected);
  });

  it.each([
    "javascript:alert(document.cookie)",
    " JavaScript:alert(1)",
    "data:text/html,<script>alert(1)</script>",
    "file:///etc/passwd",
    "vbscript:msgbox(1)",
    "blob:https://portal.example/1",
  ])("refuses %s", (url) => {
    expect(httpLink(url, PAGE)).toBeNull();
  });
});
