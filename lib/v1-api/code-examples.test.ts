import { describe, expect, it } from "vitest";
import { curlExample, curlExampleArgs, javaExample, javascriptExample, pythonExample } from "./code-examples";

const input = { baseUrl: "http://localhost:3100/", apiKey: "jp_live_abc-DEF_123", jobId: "job_abc123" };

describe("code examples", () => {
  it("lays the cURL example out as the documentation does, with this portal's URL and the key", () => {
    expect(curlExample(input)).toBe(
      [
        "curl -X POST http://localhost:3100/v1/jobs/job_abc123/download-result \\",
        '  -H "Authorization: Bearer jp_live_abc-DEF_123" \\',
        '  -H "Content-Type: application/json" \\',
        "  -d '{",
        '    "expirationSeconds": 3600',
        "  }'",
      ].join("\n"),
    );
  });

  it("runs the same arguments it shows", () => {
    expect(curlExampleArgs(input)).toEqual([
      "-X",
      "POST",
      "http://localhost:3100/v1/jobs/job_abc123/download-result",
      "-H",
      "Authorization: Bearer jp_live_abc-DEF_123",
      "-H",
      "Content-Type: application/json",
      "-d",
      '{\n    "expirationSeconds": 3600\n  }',
    ]);
  });

  it("fills the Python, JavaScript and Java examples in", () => {
    for (const example of [pythonExample(input), javascriptExample(input), javaExample(input)]) {
      expect(example).toContain("http://localhost:3100/v1/jobs/job_abc123/download-result");
      expect(example).toContain("Bearer jp_live_abc-DEF_123");
      expect(example).not.toContain("rednerapp");
    }
  });
});
