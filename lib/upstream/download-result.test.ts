import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { applyRuntimeEnv } from "@/lib/env";
import { requestDownloadResult } from "./download-result";

// The upstream client's view of answers the simulator never gives: a hang, a 5xx, a malformed body.
let server: Server;
let baseUrl: string;
let answer: (res: import("node:http").ServerResponse) => void = () => undefined;

beforeAll(async () => {
  server = createServer((_req, res) => answer(res));
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  applyRuntimeEnv({ JOBS_API_BASE_URLS: baseUrl });
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const call = (timeoutMs = 2_000) =>
  requestDownloadResult({
    baseUrl,
    apiKey: "k",
    jobId: "job_1",
    expirationSeconds: 3600,
    timeouts: { connectMs: timeoutMs, firstByteMs: timeoutMs, idleMs: timeoutMs },
  });
const json = (status: number, body: unknown) => (res: import("node:http").ServerResponse) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
};

describe("requestDownloadResult", () => {
  it("times out", async () => {
    answer = () => undefined;
    expect(await call(200)).toEqual({ ok: false, reason: "timeout", detail: "Timed out after 0.2 s" });
  });

  it("reads the documented error bodies", async () => {
    answer = json(400, {
      error: { code: "INVALID_REQUEST", message: "Job is not completed yet. Current status: merging" },
    });
    expect(await call()).toEqual({ ok: false, reason: "not_completed", status: "merging" });
    answer = json(400, { error: { code: "INVALID_REQUEST", message: "Job failed. No output files available." } });
    expect(await call()).toEqual({ ok: false, reason: "failed" });
    answer = json(404, { error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } });
    expect(await call()).toEqual({ ok: false, reason: "not_found" });
    answer = json(401, { error: { code: "UNAUTHORIZED", message: "Invalid API key" } });
    expect(await call()).toEqual({ ok: false, reason: "key_refused", httpStatus: 401 });
  });

  it("treats 5xx as unreachable and a body off the contract as a bad response", async () => {
    answer = json(503, { error: { code: "UPSTREAM_UNAVAILABLE", message: "down" } });
    expect(await call()).toEqual({ ok: false, reason: "unreachable", detail: "HTTP 503" });
    answer = json(200, { jobId: "job_1", outputs: "nope" });
    expect(await call()).toEqual({ ok: false, reason: "bad_response", httpStatus: 200 });
  });

  it("does not follow a redirect, and reads no more than 1 MiB of an answer", async () => {
    answer = (res) => res.writeHead(307, { location: "http://169.254.169.254/latest/meta-data/" }).end();
    expect(await call()).toEqual({ ok: false, reason: "bad_response", httpStatus: 307 });
    answer = (res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(`{"jobId": "job_1", "padding": "${"x".repeat(1024 * 1024)}"}`);
    };
    expect(await call()).toEqual({ ok: false, reason: "bad_response", httpStatus: 200 });
  });

  it("refuses output URLs that are not https:// (or on the upstream's own origin)", async () => {
    for (const url of [
      "javascript:alert(1)",
      "http://10.0.0.5/a.srt",
      "https://127.0.0.1/a.srt",
      "file:///etc/passwd",
    ]) {
      answer = json(200, {
        jobId: "job_1",
        apiProduct: "transcribe",
        expiresAt: "2026-12-01T12:00:00Z",
        outputs: [{ url, expiresAt: "2026-12-01T12:00:00Z", sizeBytes: 1 }],
      });
      expect(await call()).toEqual({ ok: false, reason: "unsafe_output_url", field: "outputs.0.url" });
    }
    answer = json(200, {
      jobId: "job_1",
      apiProduct: "transcribe",
      expiresAt: "2026-12-01T12:00:00Z",
      outputs: [{ url: `${baseUrl}/files/a.srt`, expiresAt: "2026-12-01T12:00:00Z", sizeBytes: 1 }],
    });
    expect(await call()).toMatchObject({ ok: true });
  });

  it("sends the key to no base URL outside JOBS_API_BASE_URLS", async () => {
    let received = 0;
    answer = (res) => {
      received += 1;
      res.end();
    };
    const other = requestDownloadResult({
      baseUrl: baseUrl.replace("127.0.0.1", "localhost"),
      apiKey: "k",
      jobId: "job_1",
      expirationSeconds: 3600,
    });
    expect(await other).toEqual({
      ok: false,
      reason: "unreachable",
      detail: "Refused: the base URL is not one this deployment allows",
    });
    expect(received).toBe(0);
  });
});
