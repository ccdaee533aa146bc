import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";

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
import { POST as postV1DownloadResult } from "@/app/v1/jobs/[jobId]/download-result/route";
import {
  downloadResultBody,
  type HostileUpstream,
  startHostileUpstream,
  startInternalService,
} from "@/lib/upstream/testing/start-hostile-upstream";
import type { ApiProduct, JobStatus } from "@/lib/workflow/workflows";
import { readZip } from "@/test/read-zip";
import { type ApiKeyWorkspace, bearer, callRoute, createTestJob, createWorkspaceWithApiKey } from "@/test/v1-fixtures";
import { streamOutputsZip } from "./stream-outputs-zip";

// A stranger signs up, points the workspace's upstream at a server of their own (here: a local
// node:http server, as if JOBS_API_BASE_URLS listed it) and has it answer download-result with
// output URLs aimed inside the deployment. None of them is fetched, returned or zipped.
const KEY = "sk_hostile_upstream_key";
let upstream: HostileUpstream;
let internal: Awaited<ReturnType<typeof startInternalService>>;

beforeAll(async () => {
  [upstream, internal] = await Promise.all([startHostileUpstream(), startInternalService()]);
});
afterAll(async () => {
  await Promise.all([upstream.close(), internal.close()]);
});
beforeEach(() => {
  upstream.requests.length = 0;
  internal.requests.length = 0;
});

async function completedJob(apiProduct: ApiProduct = "transcribe", status: JobStatus = "transcribed") {
  const ws = await createWorkspaceWithApiKey({ baseUrl: upstream.url, apiKey: KEY });
  session.workspaceId = ws.workspaceId;
  const jobId = await createTestJob(ws.workspaceId, { apiProduct, status });
  return { ws, jobId };
}

const download = (jobId: string) =>
  postDownload(
    new Request(`http://portal.test/api/jobs/${jobId}/download`, {
      method: "POST",
      headers: { origin: "http://portal.test" },
      body: "{}",
    }),
    { params: Promise.resolve({ jobId }) },
  );
const downloadAll = (jobId: string) =>
  getDownloadAll(new Request(`http://portal.test/api/jobs/${jobId}/download-all`), {
    params: Promise.resolve({ jobId }),
  });
const v1 = (ws: ApiKeyWorkspace, jobId: string) =>
  callRoute(postV1DownloadResult, { jobId }, `/v1/jobs/${jobId}/download-result`, {
    method: "POST",
    headers: bearer(ws.apiKey),
    body: "{}",
  });

async function errorOf(response: Response) {
  const text = await response.text();
  return { status: response.status, text, ...(JSON.parse(text) as { error: { code: string; message: string } }).error };
}

describe("output URLs aimed inside the deployment or at the browser", () => {
  const forbidden = () => [
    `http://127.0.0.1:${internal.port}/admin`, // loopback, not the upstream's origin
    `https://127.0.0.1:${internal.port}/admin`,
    `https://[::1]:${internal.port}/admin`,
    `https://2130706433:${internal.port}/admin`,
    "https://169.254.169.254/latest/meta-data/iam/security-credentials/",
    "http://169.254.169.254/latest/meta-data/",
    "https://[fd00:ec2::254]/latest/meta-data/",
    "https://10.0.0.5/internal",
    "javascript:alert(document.cookie)",
    "data:text/html,<script>alert(document.cookie)</script>",
    "file:///etc/passwd",
    "http://files.example.com/out.srt", // plain http to another host
  ];

  it("are a 502 on /api/jobs/{id}/download, /v1 download-result and the zip, naming no URL; nothing is fetched", async () => {
    for (const url of forbidden()) {
      const { ws, jobId } = await completedJob();
      upstream.answer((id) => ({
        status: 200,
        body: downloadResultBody(id, ["https://files.example.com/ok.srt", url]),
      }));
      for (const [route, response] of [
        ["download", await download(jobId)],
        ["v1", await v1(ws, jobId)],
        ["zip", await downloadAll(jobId)],
      ] as const) {
        const error = await errorOf(response);
        expect({ url, route, status: error.status, code: error.code }).toEqual({
          url,
          route,
          status: 502,
          code: "UPSTREAM_UNAVAILABLE",
        });
        expect(error.message).toMatch(/download link this portal does not hand out \(outputs\.1\.url/);
        expect(error.text).not.toContain(url.slice(0, 20));
      }
    }
    expect(internal.requests).toEqual([]);
  });

  it("more than 1,000 outputs are refused too", async () => {
    const { jobId } = await completedJob();
    upstream.answer((id) => ({
      status: 200,
      body: downloadResultBody(
        id,
        Array.from({ length: 1001 }, (_, i) => `https://files.example.com/${i}.srt`),
      ),
    }));
    expect(await errorOf(await download(jobId))).toMatchObject({ status: 502, code: "UPSTREAM_UNAVAILABLE" });
  });

  it("an output on the upstream's origin that redirects inside is not followed: the zip fails, nothing internal is read", async () => {
    const { jobId } = await completedJob();
    upstream.serve("moved.srt", { kind: "redirect", location: `http://127.0.0.1:${internal.port}/admin` });
    upstream.answer((id) => ({ status: 200, body: downloadResultBody(id, [`${upstream.url}/files/moved.srt?sig=1`]) }));
    const response = await downloadAll(jobId);
    expect(response.status).toBe(200); // the links were fine; the file's answer comes later
    await expect(response.arrayBuffer()).rejects.toThrow();
    expect(upstream.requests.map((request) => request.path)).toContain("/files/moved.srt?sig=1");
    expect(internal.requests).toEqual([]);
  });

  it("a host name that resolves inside at connect time (rebinding DNS) is refused: the zip fails, nothing internal is read", async () => {
    const { ws, jobId } = await completedJob();
    upstream.answer((id) => ({
      status: 200,
      body: downloadResultBody(id, [`https://cdn.rebind.example:${internal.port}/admin.srt`]),
    }));
    // At save time such a name may well resolve to a public address; now it answers 127.0.0.1.
    const resolve = async () => [{ address: "127.0.0.1", family: 4 }];
    const zip = await streamOutputsZip(ws.workspaceId, jobId, 3600, { resolve });
    await expect(new Response(zip.stream).arrayBuffer()).rejects.toThrow();
    expect(internal.requests).toEqual([]);
  });
});

describe("the zip's transfers", () => {
  it("a large file over a slow but steady link still zips; an idle one times out", async () => {
    const { ws, jobId } = await completedJob("voiceover", "merged");
    // 48 chunks of 64 KiB, one every 25 ms: the transfer outlasts the idle limit many times over.
    upstream.serve("steady.mp4", { kind: "steady", chunkBytes: 64 * 1024, count: 48, everyMs: 25 });
    upstream.answer((id) => ({
      status: 200,
      body: downloadResultBody(id, [`${upstream.url}/files/steady.mp4?sig=1`], "voiceover"),
    }));
    const fileTimeouts = { connectMs: 2_000, firstByteMs: 2_000, idleMs: 300 };
    const steady = await streamOutputsZip(ws.workspaceId, jobId, 3600, { fileTimeouts });
    const entries = readZip(Buffer.from(await new Response(steady.stream).arrayBuffer()));
    expect(entries.map((entry) => [entry.name, entry.data.length])).toEqual([[`${jobId}.mp4`, 48 * 64 * 1024]]);

    upstream.serve("stalled.mp4", { kind: "stall", bytes: 128 * 1024 });
    upstream.answer((id) => ({
      status: 200,
      body: downloadResultBody(id, [`${upstream.url}/files/stalled.mp4?sig=1`], "voiceover"),
    }));
    const stalled = await streamOutputsZip(ws.workspaceId, jobId, 3600, { fileTimeouts });
    await expect(new Response(stalled.stream).arrayBuffer()).rejects.toThrow();
  });

  it("a download-result answer over 1 MiB is cut off without being read whole", async () => {
    const { jobId } = await completedJob();
    upstream.answer(() => ({ status: 200, endless: true }));
    const before = upstream.endlessBytesWritten();
    const error = await errorOf(await download(jobId));
    expect(error).toMatchObject({
      status: 502,
      code: "UPSTREAM_UNAVAILABLE",
      message: expect.stringMatching(/could not read/),
    });
    // An endless answer: had the portal buffered it, this request would never have returned.
    expect(upstream.endlessBytesWritten() - before).toBeLessThan(32 * 1024 * 1024);
  });
});

describe("jobs that are not completed", () => {
  it.each<[ApiProduct, JobStatus, string]>([
    ["dub", "merging", "Job is not completed yet. Current status: merging"],
    ["transcribe", "created", "Job is not completed yet. Current status: created"],
    ["translate", "failed", "Job failed. No output files available."],
    ["voiceover", "rejected", "Job failed. No output files available."],
  ])(
    "%s at %s: answered from the database on every download path, the upstream never asked",
    async (apiProduct, status, message) => {
      const { ws, jobId } = await completedJob(apiProduct, status);
      upstream.answer((id) => ({ status: 200, body: downloadResultBody(id, ["https://files.example.com/a.srt"]) }));
      for (const response of [await download(jobId), await downloadAll(jobId), await v1(ws, jobId)]) {
        expect(await errorOf(response)).toMatchObject({ status: 400, code: "INVALID_REQUEST", message });
      }
      expect(upstream.requests).toEqual([]);
    },
  );
});
