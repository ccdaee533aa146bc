import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

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
import { GET as getConnectionRoute, PUT as putConnection } from "@/app/api/settings/connection/route";
import { POST as testConnection } from "@/app/api/settings/connection/test/route";
import { prisma } from "@/lib/db/client";
import { freePort } from "@/lib/net/free-port";
import { setJobsApiBaseUrls } from "@/lib/upstream/testing/allow-base-urls";
import { type HostileUpstream, startHostileUpstream } from "@/lib/upstream/testing/start-hostile-upstream";
import { checkUpstreamConnection } from "@/lib/workspaces/check-upstream-connection";
import { createTestJob, createWorkspaceWithApiKey } from "@/test/v1-fixtures";

// Settings → Connection as a stranger would use it: the base URL is the operator's choice, and
// the workspace's stored key never goes anywhere but the base URL it was entered for.
const KEY = "sk_entered_for_a";
let a: HostileUpstream;
let b: HostileUpstream;

beforeAll(async () => {
  [a, b] = await Promise.all([startHostileUpstream(), startHostileUpstream()]);
  for (const upstream of [a, b])
    upstream.answer(() => ({ status: 404, body: { error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } } }));
});
afterAll(async () => {
  await Promise.all([a.close(), b.close()]);
});
beforeEach(() => {
  setJobsApiBaseUrls(a.url, b.url);
  a.requests.length = 0;
  b.requests.length = 0;
});

async function workspaceOnA() {
  const ws = await createWorkspaceWithApiKey({ baseUrl: a.url, apiKey: KEY });
  setJobsApiBaseUrls(a.url, b.url);
  session.workspaceId = ws.workspaceId;
  return ws;
}

const request = (method: string, path: string, body?: unknown) =>
  new Request(`http://portal.test${path}`, {
    method,
    headers: { origin: "http://portal.test", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const put = (body: unknown) =>
  putConnection(request("PUT", "/api/settings/connection", body), { params: Promise.resolve({}) });
const check = async () =>
  (await testConnection(request("POST", "/api/settings/connection/test"), { params: Promise.resolve({}) })).json();
const view = async () =>
  (await getConnectionRoute(request("GET", "/api/settings/connection"), { params: Promise.resolve({}) })).json();

describe("the base URL allowlist (JOBS_API_BASE_URLS)", () => {
  it("refuses any other base URL with a 400 naming the allowed ones, and stores nothing", async () => {
    await workspaceOnA();
    for (const baseUrl of [
      "http://127.0.0.1:5432",
      "http://169.254.169.254",
      "https://attacker.example",
      `${a.url}/other-path`,
    ]) {
      const response = await put({ baseUrl, apiKey: "sk_new" });
      expect(response.status).toBe(400);
      expect(await response.json()).toEqual({
        error: {
          code: "INVALID_REQUEST",
          message: `baseUrl: Choose one of the Jobs API base URLs this deployment allows: ${a.url}, ${b.url}`,
          details: [
            {
              field: "baseUrl",
              issue: `Choose one of the Jobs API base URLs this deployment allows: ${a.url}, ${b.url}`,
            },
          ],
        },
      });
    }
    expect(await view()).toMatchObject({
      upstreamBaseUrl: a.url,
      upstreamStatus: "connected",
      allowedBaseUrls: [a.url, b.url],
    });
    expect(a.requests).toEqual([]);
    expect(b.requests).toEqual([]);
  });

  it("a stored base URL the operator no longer allows is not connected: nothing is sent, and Settings says so", async () => {
    const ws = await workspaceOnA();
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "transcribe", status: "transcribed" });
    setJobsApiBaseUrls(b.url);
    expect(await view()).toMatchObject({
      upstreamBaseUrl: a.url,
      upstreamStatus: "base_url_not_allowed",
      allowedBaseUrls: [b.url],
    });
    expect(await check()).toMatchObject({ result: "not_allowed", message: expect.stringMatching(/nothing was sent/) });
    const download = await postDownload(request("POST", `/api/jobs/${jobId}/download`, {}), {
      params: Promise.resolve({ jobId }),
    });
    expect(download.status).toBe(503);
    expect(a.requests).toEqual([]);
  });
});

describe("the stored key follows no URL", () => {
  it("changing only the base URL is refused (400), and Test connection then sends the new host nothing", async () => {
    await workspaceOnA();
    const response = await put({ baseUrl: b.url });
    expect(response.status).toBe(400);
    expect(await response.json()).toEqual({
      error: {
        code: "INVALID_REQUEST",
        message: "apiKey: Enter the API key again: a key is only sent to the base URL it was entered for",
        details: [
          { field: "apiKey", issue: "Enter the API key again: a key is only sent to the base URL it was entered for" },
        ],
      },
    });
    expect(await check()).toMatchObject({ result: "accepted" });
    expect(b.requests).toEqual([]);
    expect(a.requests.map((received) => received.authorization)).toEqual([`Bearer ${KEY}`]);
  });

  it("a base URL moved by any other path leaves the key behind: the new host receives nothing", async () => {
    const ws = await workspaceOnA();
    await prisma.workspace.update({ where: { id: ws.workspaceId }, data: { upstreamBaseUrl: b.url } });
    expect(await check()).toMatchObject({
      result: "not_configured",
      message: expect.stringMatching(/Enter the API key again/),
    });
    expect(b.requests).toEqual([]);
  });

  it("with the key entered again, the new base URL gets the new key (and only it)", async () => {
    await workspaceOnA();
    expect((await put({ baseUrl: b.url, apiKey: "sk_entered_for_b" })).status).toBe(204);
    expect(await check()).toMatchObject({ result: "accepted" });
    expect(b.requests.map((received) => received.authorization)).toEqual(["Bearer sk_entered_for_b"]);
    expect(a.requests).toEqual([]);
  });
});

describe("Test connection", () => {
  it("says what happened at an allowed base URL in plain words", async () => {
    const down = `http://127.0.0.1:${await freePort()}`;
    const ws = await createWorkspaceWithApiKey({ baseUrl: down, apiKey: KEY });
    expect(await checkUpstreamConnection(ws.workspaceId)).toEqual({
      result: "unreachable",
      message: "Could not reach the Jobs API: Connection refused.",
    });
  });

  it("never reaches cloud metadata, even through an allowed host name that resolves there", async () => {
    const ws = await createWorkspaceWithApiKey({ baseUrl: "http://jobs-api.example:8080", apiKey: KEY });
    const result = await checkUpstreamConnection(ws.workspaceId, {
      resolve: async () => [{ address: "169.254.169.254", family: 4 }],
    });
    expect(result).toEqual({
      result: "unreachable",
      message:
        "Could not reach the Jobs API: Refused: jobs-api.example resolves to 169.254.169.254, which is not a public address (link-local, cloud metadata).",
    });
  });
});
