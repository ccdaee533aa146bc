import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { API_KEY, type Harness, startHarness } from "../testing/harness";
import { waitForJob } from "../testing/wait-for-job";

// CORS as a public API and S3 answer it, so the documentation's JavaScript example runs from any page.
let h: Harness;
beforeAll(async () => {
  h = await startHarness({ webhook: null });
});
afterAll(() => h.close());

const ORIGIN = "http://app.example.com";

describe("CORS", () => {
  it.each(["/v1/transcribe", "/v1/jobs/job_abc123/download-result", "/files/job_x/output.srt"])(
    "answers the preflight of %s",
    async (path) => {
      const response = await fetch(`${h.sim.url}${path}`, {
        method: "OPTIONS",
        headers: {
          origin: ORIGIN,
          "access-control-request-method": "POST",
          "access-control-request-headers": "authorization,content-type",
        },
      });
      expect(response.status).toBe(204);
      expect(response.headers.get("access-control-allow-origin")).toBe("*");
      expect(response.headers.get("access-control-allow-methods")).toContain("POST");
      expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("authorization");
      expect(response.headers.get("access-control-allow-headers")?.toLowerCase()).toContain("content-type");
      expect(response.headers.get("access-control-allow-credentials")).toBeNull();
    },
  );

  it("marks API answers, errors included, and file downloads readable from any origin", async () => {
    const refused = await fetch(`${h.sim.url}/v1/jobs/job_abc123/download-result`, {
      method: "POST",
      headers: { origin: ORIGIN },
    });
    expect(refused.status).toBe(401);
    expect(refused.headers.get("access-control-allow-origin")).toBe("*");

    const jobId = await h.createJob("transcribe", { mediaUrl: "https://media.example.com/a.mp4" });
    await waitForJob(h.sim, jobId);
    const result = await h.post(`/v1/jobs/${jobId}/download-result`, {});
    expect(result.headers.get("access-control-allow-origin")).toBe("*");
    const { outputs } = (await result.json()) as { outputs: Array<{ url: string }> };
    const file = await fetch(outputs[0].url, { headers: { origin: ORIGIN } });
    expect(file.status).toBe(200);
    expect(file.headers.get("access-control-allow-origin")).toBe("*");
    const forged = await fetch(`${outputs[0].url}x`, { headers: { origin: ORIGIN } });
    expect(forged.status).toBe(403);
    expect(forged.headers.get("access-control-allow-origin")).toBe("*");
    expect(API_KEY).toBeTruthy();
  });

  it("leaves everything else alone", async () => {
    const health = await fetch(`${h.sim.url}/health`);
    expect(health.headers.get("access-control-allow-origin")).toBeNull();
  });
});
