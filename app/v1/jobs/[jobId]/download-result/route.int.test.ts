import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as downloadResult } from "@/app/v1/jobs/[jobId]/download-result/route";
import { downloadResultResponseSchema } from "@/lib/contract/download-result";
import { freePort } from "@/lib/net/free-port";
import type { ApiProduct, JobStatus } from "@/lib/workflow/workflows";
import { type Simulator, startSimulator } from "@/simulator/server";
import { type ApiKeyWorkspace, bearer, callRoute, createTestJob, createWorkspaceWithApiKey } from "@/test/v1-fixtures";

// POST /v1/jobs/{jobId}/download-result, every case the Jobs API documents, through the exported route.
const SIMULATOR_KEY = "sk_test_v1_download_result_0001";
let simulator: Simulator;

beforeAll(async () => {
  simulator = await startSimulator({ port: 0, apiKey: SIMULATOR_KEY, speed: 200, webhook: null });
});

afterAll(async () => {
  await simulator?.close();
});

function post(ws: ApiKeyWorkspace, jobId: string, body?: string, headers: Record<string, string> = {}) {
  return callRoute(downloadResult, { jobId }, `/v1/jobs/${jobId}/download-result`, {
    method: "POST",
    headers: { ...bearer(ws.apiKey), "content-type": "application/json", ...headers },
    body,
  });
}

async function expectError(response: Response, status: number, code: string, message: string) {
  expect({ status: response.status, body: await response.json() }).toEqual({
    status,
    body: { error: { code, message } },
  });
}

/** Creates a job on the simulator over HTTP and waits until its download-result answers 200. */
async function completedUpstreamJob(product: ApiProduct, body: Record<string, unknown>): Promise<string> {
  const auth = { authorization: `Bearer ${SIMULATOR_KEY}`, "content-type": "application/json" };
  const created = await fetch(`${simulator.url}/v1/${product}`, {
    method: "POST",
    headers: auth,
    body: JSON.stringify(body),
  });
  expect(created.status).toBe(202);
  const { jobId } = (await created.json()) as { jobId: string };
  const deadline = Date.now() + 20_000;
  for (;;) {
    const probe = await fetch(`${simulator.url}/v1/jobs/${jobId}/download-result`, {
      method: "POST",
      headers: auth,
      body: "{}",
    });
    if (probe.status === 200) return jobId;
    if (Date.now() > deadline)
      throw new Error(`${product} job ${jobId} did not complete: ${probe.status} ${await probe.text()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const connected = () => createWorkspaceWithApiKey({ baseUrl: simulator.url, apiKey: SIMULATOR_KEY });

describe("download-result answered from the portal's database", () => {
  it("404 for an unknown job and for another workspace's job", async () => {
    const ws = await connected();
    const other = await connected();
    const theirs = await createTestJob(other.workspaceId, { apiProduct: "transcribe", status: "transcribed" });
    await expectError(await post(ws, "job_does_not_exist", "{}"), 404, "RESOURCE_NOT_FOUND", "Job not found");
    await expectError(await post(ws, theirs, "{}"), 404, "RESOURCE_NOT_FOUND", "Job not found");
  });

  it.each<[ApiProduct, JobStatus]>([
    ["transcribe", "created"],
    ["transcribe", "transcribing"],
    ["translate", "transcribed"],
    ["dub", "merging"],
    ["voiceover", "dubbed"],
  ])("400 for an unfinished %s job at %s, naming the status", async (apiProduct, status) => {
    const ws = await connected();
    const jobId = await createTestJob(ws.workspaceId, { apiProduct, status });
    await expectError(
      await post(ws, jobId, "{}"),
      400,
      "INVALID_REQUEST",
      `Job is not completed yet. Current status: ${status}`,
    );
  });

  it.each<JobStatus>(["failed", "rejected"])("400 for a %s job", async (status) => {
    const ws = await connected();
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "dub", status });
    await expectError(await post(ws, jobId), 400, "INVALID_REQUEST", "Job failed. No output files available.");
  });
});

describe("download-result request body", () => {
  const bad = "Expiration time must be between 60 and 604800 seconds";

  it.each([
    ["59", '{"expirationSeconds":59}'],
    ["604801", '{"expirationSeconds":604801}'],
    ["1.5", '{"expirationSeconds":1.5}'],
    ['"3600"', '{"expirationSeconds":"3600"}'],
    ["-1", '{"expirationSeconds":-1}'],
    ["null", '{"expirationSeconds":null}'],
  ])("400 for expirationSeconds %s, before the job is even looked up", async (_label, body) => {
    const ws = await connected();
    await expectError(await post(ws, "job_does_not_exist", body), 400, "INVALID_REQUEST", bad);
  });

  it.each([
    ["not JSON", "expirationSeconds=3600", "Request body must be valid JSON"],
    ["a JSON array", "[3600]", "Request body must be a JSON object"],
    ["a JSON number", "3600", "Request body must be a JSON object"],
  ])("400 for a body that is %s", async (_label, body, message) => {
    const ws = await connected();
    await expectError(await post(ws, "job_does_not_exist", body), 400, "INVALID_REQUEST", message);
  });

  it.each(["60", "604800"])("accepts the bound %s (then looks the job up)", async (seconds) => {
    const ws = await connected();
    await expectError(
      await post(ws, "job_does_not_exist", `{"expirationSeconds":${seconds}}`),
      404,
      "RESOURCE_NOT_FOUND",
      "Job not found",
    );
  });

  it("413 for an oversized body", async () => {
    const ws = await connected();
    const body = JSON.stringify({ expirationSeconds: 3600, padding: "x".repeat(20_000) });
    await expectError(
      await post(ws, "job_x", body),
      413,
      "PAYLOAD_TOO_LARGE",
      "Request body must be at most 16384 bytes",
    );
  });

  it("401 without a key, with an unknown key, and with a Basic header", async () => {
    const ws = await connected();
    const call = (headers: Record<string, string>) =>
      callRoute(downloadResult, { jobId: "job_x" }, "/v1/jobs/job_x/download-result", {
        method: "POST",
        headers,
        body: "{}",
      });
    const missing = await call({});
    expect(missing.headers.get("www-authenticate")).toMatch(/^Bearer/);
    await expectError(missing, 401, "UNAUTHORIZED", "Missing API key: send it as Authorization: Bearer <key>");
    await expectError(await call(bearer(`${ws.apiKey}0`)), 401, "UNAUTHORIZED", "Invalid or revoked API key");
    await expectError(
      await call({ authorization: `Basic ${ws.apiKey}` }),
      401,
      "UNAUTHORIZED",
      "Missing API key: send it as Authorization: Bearer <key>",
    );
  });
});

describe("download-result of a completed job, from a real simulator upstream", () => {
  it("transcribe: the documented shape without outputIndex, links that download, the requested expiry", async () => {
    const ws = await connected();
    const jobId = await completedUpstreamJob("transcribe", { mediaUrl: "https://cdn.example.com/media/interview.mp4" });
    await createTestJob(ws.workspaceId, { apiProduct: "transcribe", status: "transcribed", upstreamJobId: jobId });

    const before = Date.now();
    const response = await post(ws, jobId, '{"expirationSeconds": 60}');
    expect(response.status).toBe(200);
    expect(response.headers.get("cache-control")).toBe("no-store");
    const body = await response.json();
    expect(downloadResultResponseSchema.strict().safeParse(body).success).toBe(true);
    expect(Object.keys(body)).toEqual(["jobId", "apiProduct", "expiresAt", "outputs"]);
    expect(body).toMatchObject({ jobId, apiProduct: "transcribe" });
    expect(body.outputs).toHaveLength(1);
    expect(Object.keys(body.outputs[0])).toEqual(["url", "expiresAt", "sizeBytes"]);
    const expiresIn = Date.parse(body.expiresAt) - before;
    expect(expiresIn).toBeGreaterThan(55_000);
    expect(expiresIn).toBeLessThan(65_000);

    const file = await fetch(body.outputs[0].url);
    expect(file.status).toBe(200);
    expect((await file.arrayBuffer()).byteLength).toBe(body.outputs[0].sizeBytes);
  });

  it("translate: every context file with its outputIndex, in order; empty body means one hour", async () => {
    const ws = await connected();
    const jobId = await completedUpstreamJob("translate", {
      mediaUrl: "https://cdn.example.com/media/lecture.mp4",
      targetLanguage: "es",
    });
    await createTestJob(ws.workspaceId, { apiProduct: "translate", status: "translated", upstreamJobId: jobId });

    const response = await post(ws, jobId);
    expect(response.status).toBe(200);
    const body = await response.json();
    expect(body.apiProduct).toBe("translate");
    expect(body.outputs.length).toBeGreaterThan(0);
    expect(body.outputs.map((output: { outputIndex: number }) => output.outputIndex)).toEqual(
      body.outputs.map((_: unknown, i: number) => i),
    );
    const expiresIn = Date.parse(body.expiresAt) - Date.now();
    expect(Math.abs(expiresIn - 3_600_000)).toBeLessThan(10_000);
  });

  it("502 when the upstream refuses the workspace's key", async () => {
    const ws = await createWorkspaceWithApiKey({ baseUrl: simulator.url, apiKey: "sk_wrong_key" });
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "transcribe", status: "transcribed" });
    const response = await post(ws, jobId, "{}");
    expect(response.status).toBe(502);
    expect((await response.json()).error.code).toBe("UPSTREAM_UNAVAILABLE");
  });
});

describe("download-result when the upstream is down", () => {
  it("502 when nothing listens at the workspace's base URL", async () => {
    const port = await freePort();

    const ws = await createWorkspaceWithApiKey({ baseUrl: `http://127.0.0.1:${port}`, apiKey: SIMULATOR_KEY });
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "voiceover", status: "merged" });
    const response = await post(ws, jobId, "{}");
    expect(response.status).toBe(502);
    const body = await response.json();
    expect(body.error.code).toBe("UPSTREAM_UNAVAILABLE");
    expect(body.error.message).not.toContain(String(port));
  });

  it("503 when the workspace is not connected to the Jobs API", async () => {
    const ws = await createWorkspaceWithApiKey();
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "dub", status: "merged" });
    const response = await post(ws, jobId, "{}");
    expect(response.status).toBe(503);
    expect((await response.json()).error.code).toBe("UPSTREAM_UNAVAILABLE");
  });
});
