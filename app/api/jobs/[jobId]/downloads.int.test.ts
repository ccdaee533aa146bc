import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// The session wrapper's membership comes from next-auth; here it is the test's workspace.
const session = vi.hoisted(() => ({ workspaceId: "" }));
vi.mock("@/lib/auth/session", () => ({
  getMembership: async () => ({
    userId: "u",
    email: "t@example.com",
    workspaceId: session.workspaceId,
    workspaceName: "t",
    role: "owner",
  }),
}));

import { POST as postDownload } from "@/app/api/jobs/[jobId]/download/route";
import { GET as getDownloadAll } from "@/app/api/jobs/[jobId]/download-all/route";
import { insertJobs } from "@/lib/jobs/testing/insert-test-jobs";
import type { ApiProduct, JobStatus } from "@/lib/workflow/workflows";
import { parseSrt } from "@/simulator/outputs/srt";
import { type Simulator, startSimulator } from "@/simulator/server";
import { waitForJob } from "@/simulator/testing/wait-for-job";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { readZip } from "@/test/read-zip";

// The download routes against a real upstream: the simulator, over HTTP, with the workspace's
// sealed key. Fast simulator for finished jobs; a realistic one for a job still "created".
const KEY = "sim_download_test_key";
const MEDIA = "https://media.example.com/talks/keynote.mp4";
let fast: Simulator;
let slow: Simulator;
let hanging: Server;

beforeAll(async () => {
  [fast, slow] = await Promise.all([
    startSimulator({ apiKey: KEY, speed: 400, webhook: null }),
    startSimulator({ apiKey: KEY, speed: 1, webhook: null }),
  ]);
  hanging = createServer(() => undefined).listen(0, "127.0.0.1");
});
afterAll(async () => {
  await Promise.all([fast.close(), slow.close(), new Promise((resolve) => hanging.close(resolve))]);
  hanging.closeAllConnections();
});

async function workspaceFor(baseUrl: string, key = KEY): Promise<string> {
  const id = (await createTestWorkspace({ upstream: { baseUrl, apiKey: key } })).id;
  session.workspaceId = id;
  return id;
}

async function upstreamJob(sim: Simulator, product: ApiProduct, body: Record<string, unknown>, finish = true) {
  const { jobId } = sim.createJob(product, body);
  const job = finish ? await waitForJob(sim, jobId) : sim.getJob(jobId)!;
  return { jobId, status: job.status as JobStatus };
}

function download(jobId: string, body: unknown) {
  const request = new Request(`http://portal.test/api/jobs/${jobId}/download`, {
    method: "POST",
    headers: { origin: "http://portal.test", "content-type": "application/json" },
    body: JSON.stringify(body),
  });
  return postDownload(request, { params: Promise.resolve({ jobId }) });
}

async function errorOf(response: Response) {
  return {
    status: response.status,
    ...((await response.json()) as { error: { code: string; message: string } }).error,
  };
}

describe("POST /api/jobs/{jobId}/download", () => {
  it("returns fresh links that serve the files", async () => {
    const ws = await workspaceFor(fast.url);
    const { jobId, status } = await upstreamJob(fast, "transcribe", { mediaUrl: MEDIA });
    await insertJobs(ws, [{ upstreamJobId: jobId, status, createdAt: new Date() }]);

    const response = await download(jobId, { expirationSeconds: 900 });
    expect(response.status).toBe(200);
    const body = (await response.json()) as {
      jobId: string;
      outputs: Array<{ url: string; sizeBytes: number; expiresAt: string }>;
    };
    expect(body.jobId).toBe(jobId);
    expect(body.outputs).toHaveLength(1);
    const expiresIn = Date.parse(body.outputs[0].expiresAt) - Date.now();
    expect(expiresIn).toBeGreaterThan(800_000);
    expect(expiresIn).toBeLessThan(901_000);
    const file = await fetch(body.outputs[0].url);
    const text = await file.text();
    expect(Buffer.byteLength(text)).toBe(body.outputs[0].sizeBytes);
    expect(parseSrt(text).ok).toBe(true);
  });

  it("says why there is nothing to download, in the upstream's words", async () => {
    const ws = await workspaceFor(slow.url);
    const pending = await upstreamJob(slow, "dub", { mediaUrl: MEDIA, targetLanguage: "es" }, false);
    session.workspaceId = ws;
    await insertJobs(ws, [
      { upstreamJobId: pending.jobId, apiProduct: "dub", status: "created", createdAt: new Date() },
    ]);
    expect(await errorOf(await download(pending.jobId, {}))).toEqual({
      status: 400,
      code: "INVALID_REQUEST",
      message: "Job is not completed yet. Current status: created",
    });

    const ws2 = await workspaceFor(fast.url);
    const failed = await upstreamJob(fast, "transcribe", { mediaUrl: "https://media.example.com/fail-talk.mp4" });
    await insertJobs(ws2, [{ upstreamJobId: failed.jobId, status: "failed", createdAt: new Date() }]);
    expect(await errorOf(await download(failed.jobId, {}))).toEqual({
      status: 400,
      code: "INVALID_REQUEST",
      message: "Job failed. No output files available.",
    });

    await insertJobs(ws2, [{ upstreamJobId: "job_unknown_upstream", createdAt: new Date() }]);
    expect(await errorOf(await download("job_unknown_upstream", {}))).toMatchObject({
      status: 404,
      code: "RESOURCE_NOT_FOUND",
    });

    expect(await errorOf(await download(failed.jobId, { expirationSeconds: 30 }))).toEqual({
      status: 400,
      code: "INVALID_REQUEST",
      message: "Expiration time must be between 60 and 604800 seconds",
    });
  });

  it("explains an upstream that refuses the key or cannot be reached, without naming URLs or keys", async () => {
    const { jobId } = await upstreamJob(fast, "transcribe", { mediaUrl: MEDIA });
    const cases: Array<[string, string, number, RegExp]> = [
      [fast.url, "sim_wrong_key", 502, /refused this workspace's API key/],
      ["http://127.0.0.1:9", KEY, 502, /could not be reached/],
    ];
    for (const [baseUrl, key, status, message] of cases) {
      const ws = await workspaceFor(baseUrl, key);
      await insertJobs(ws, [{ upstreamJobId: jobId, createdAt: new Date() }]);
      const error = await errorOf(await download(jobId, {}));
      expect(error).toMatchObject({ status, code: "UPSTREAM_UNAVAILABLE" });
      expect(error.message).toMatch(message);
      expect(error.message).not.toMatch(/http|sim_/);
    }
  });

  it("answers another workspace's job with not found, without asking the upstream", async () => {
    const owner = await workspaceFor(fast.url);
    const { jobId } = await upstreamJob(fast, "transcribe", { mediaUrl: MEDIA });
    await insertJobs(owner, [{ upstreamJobId: jobId, createdAt: new Date() }]);
    await workspaceFor(`http://127.0.0.1:${(hanging.address() as AddressInfo).port}`);
    expect(await errorOf(await download(jobId, {}))).toEqual({
      status: 404,
      code: "RESOURCE_NOT_FOUND",
      message: "Job not found",
    });
  });
});

describe("GET /api/jobs/{jobId}/download-all", () => {
  it("streams one zip with every translate file, in order, named after the job", async () => {
    const ws = await workspaceFor(fast.url);
    const { jobId, status } = await upstreamJob(fast, "translate", { mediaUrl: MEDIA, targetLanguage: "fr" });
    await insertJobs(ws, [{ upstreamJobId: jobId, apiProduct: "translate", status, createdAt: new Date() }]);
    const links = (await (await download(jobId, {})).json()) as { outputs: Array<{ url: string }> };
    expect(links.outputs.length).toBeGreaterThanOrEqual(2);

    const request = new Request(`http://portal.test/api/jobs/${jobId}/download-all?expirationSeconds=600`);
    const response = await getDownloadAll(request, { params: Promise.resolve({ jobId }) });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("application/zip");
    expect(response.headers.get("content-disposition")).toBe(`attachment; filename="${jobId}.zip"`);
    const entries = readZip(Buffer.from(await response.arrayBuffer()));
    expect(entries.map((entry) => entry.name)).toEqual(links.outputs.map((_, i) => `${jobId}-${i}.srt`));
    for (const entry of entries) expect(parseSrt(entry.data.toString("utf8")).ok).toBe(true);
  });

  it("refuses before streaming when the upstream does", async () => {
    const ws = await workspaceFor(fast.url);
    const { jobId } = await upstreamJob(fast, "transcribe", { mediaUrl: "https://media.example.com/reject-huge.mp4" });
    await insertJobs(ws, [{ upstreamJobId: jobId, status: "rejected", createdAt: new Date() }]);
    const response = await getDownloadAll(new Request(`http://portal.test/api/jobs/${jobId}/download-all`), {
      params: Promise.resolve({ jobId }),
    });
    expect(await errorOf(response)).toEqual({
      status: 400,
      code: "INVALID_REQUEST",
      message: "Job failed. No output files available.",
    });
  });
});
