import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { POST as postV1DownloadResult } from "@/app/v1/jobs/[jobId]/download-result/route";
import { GET as getV1Output } from "@/app/v1/jobs/[jobId]/outputs/[n]/route";
import { prisma } from "@/lib/db/client";
import { createTestEndpoint } from "@/lib/delivery/testing/create-test-endpoint";
import { deliverDue } from "@/lib/delivery/testing/deliver-due";
import { type Receiver, startReceiver } from "@/lib/delivery/testing/start-receiver";
import { applyRuntimeEnv } from "@/lib/env";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { streamOutputsZip } from "@/lib/jobs/stream-outputs-zip";
import {
  type DownloadResultReply,
  downloadResultBody,
  type HostileUpstream,
  startHostileUpstream,
} from "@/lib/upstream/testing/start-hostile-upstream";
import { checkUpstreamConnection } from "@/lib/workspaces/check-upstream-connection";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { bearer, callRoute, createTestJob, createWorkspaceWithApiKey } from "@/test/v1-fixtures";
import { updateAlertConfig } from "./alert-config";
import { detectAlerts } from "./detect-alerts";
import { evaluateAlerts } from "./evaluate-alerts";
import { listAlerts } from "./list-alerts";
import { alertConfigSchema } from "./schemas";

// The download_failing alert through the paths that call download-result for real: /v1 clients,
// the zip, the delivery workers, Test connection — against a real local HTTP upstream answering
// as each test scripts it, with the health record and the alerts in a real PostgreSQL.
const KEY = "sk_download_alert_key";
let upstream: HostileUpstream;
let chat: Receiver;

beforeAll(async () => {
  applyRuntimeEnv({ ALLOW_PRIVATE_WEBHOOK_URLS: "1" });
  [upstream, chat] = await Promise.all([startHostileUpstream(), startReceiver()]);
});
afterAll(async () => {
  await Promise.all([upstream.close(), chat.close()]);
});

const serverError: DownloadResultReply = {
  status: 500,
  body: { error: { code: "INTERNAL_ERROR", message: "storage backend down" } },
};
const notFound: DownloadResultReply = {
  status: 404,
  body: { error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } },
};
const links = (jobId: string): DownloadResultReply => ({
  status: 200,
  body: downloadResultBody(jobId, [`${upstream.url}/files/${jobId}.srt`]),
});

async function watch(workspaceId: string) {
  await updateAlertConfig(
    workspaceId,
    alertConfigSchema.parse({
      kinds: ["download_failing"],
      emails: [],
      slackUrl: chat.url(`/chat/${workspaceId}`),
      silentHours: 6,
    }),
  );
}

const health = (workspaceId: string) => prisma.downloadResultHealth.findUnique({ where: { workspaceId } });
const callsUpstream = () => upstream.requests.filter((request) => request.path.endsWith("/download-result")).length;
const v1DownloadResult = (apiKey: string, jobId: string) =>
  callRoute(postV1DownloadResult, { jobId }, `/v1/jobs/${jobId}/download-result`, {
    method: "POST",
    headers: bearer(apiKey),
    body: "{}",
  });
const v1Output = (apiKey: string, jobId: string) =>
  callRoute(getV1Output, { jobId, n: "0" }, `/v1/jobs/${jobId}/outputs/0`, { headers: bearer(apiKey) });
/** Two workers looking at once. */
const detectTwice = async (workspaceId: string) =>
  (await Promise.all([detectAlerts(new Date(), [workspaceId]), detectAlerts(new Date(), [workspaceId])])).reduce(
    (sum, count) => sum + count,
  );

describe("download_failing", () => {
  it("alerts once after 3 failures in a row of members' and clients' calls; a success ends the run; the next run alerts again", async () => {
    const ws = await createWorkspaceWithApiKey({ baseUrl: upstream.url, apiKey: KEY });
    await watch(ws.workspaceId);
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "transcribe", status: "transcribed" });
    upstream.answer(() => serverError);

    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(502);
    expect((await v1Output(ws.apiKey, jobId)).status).toBe(502);
    expect(await detectTwice(ws.workspaceId)).toBe(0);
    await expect(streamOutputsZip(ws.workspaceId, jobId, 3600)).rejects.toThrow(/server|reached/i);

    const failing = await health(ws.workspaceId);
    expect(failing).toMatchObject({
      consecutiveFailures: 3,
      lastError: "The Jobs API answered with a server error (HTTP 500)",
      lastSuccessAt: null,
    });
    expect(JSON.stringify(failing)).not.toContain(upstream.url);
    expect(JSON.stringify(failing)).not.toContain(KEY);

    // Two workers at once, then another look: one alert.
    expect(await detectTwice(ws.workspaceId)).toBe(1);
    expect(await detectAlerts(new Date(), [ws.workspaceId])).toBe(0);
    const [alert] = await listAlerts(ws.workspaceId);
    expect(alert).toMatchObject({
      kind: "download_failing",
      title: "Download links from the Jobs API are failing",
      path: "/settings#upstream-connection",
    });
    expect(alert.detail).toContain(
      `3 calls in a row to download-result have failed since ${failing!.failingSince!.toISOString()}`,
    );
    expect(alert.detail).toContain("HTTP 500");
    await Promise.all([
      evaluateAlerts({ senders: { mailer: null }, workspaceIds: [ws.workspaceId] }),
      evaluateAlerts({ senders: { mailer: null }, workspaceIds: [ws.workspaceId] }),
    ]);
    const posts = chat.requests.filter((request) => request.path === `/chat/${ws.workspaceId}`);
    expect(posts).toHaveLength(1);
    expect(JSON.parse(posts[0].body).text).toContain(`/w/${ws.workspaceId}/settings#upstream-connection|`);

    // More failures in the same run: still one alert.
    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(502);
    expect(await detectTwice(ws.workspaceId)).toBe(0);
    expect((await health(ws.workspaceId))?.consecutiveFailures).toBe(4);

    // A success ends the run.
    upstream.answer(links);
    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(200);
    const healthy = await health(ws.workspaceId);
    expect(healthy).toMatchObject({ consecutiveFailures: 0, failingSince: null });
    expect(healthy?.lastSuccessAt).not.toBeNull();
    expect(await detectTwice(ws.workspaceId)).toBe(0);

    // The next run, of refused keys this time, is an alert of its own.
    upstream.answer(() => ({ status: 401, body: { error: { code: "UNAUTHORIZED", message: "Invalid API key" } } }));
    for (let i = 0; i < 3; i++) expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(502);
    expect(await detectTwice(ws.workspaceId)).toBe(1);
    const alerts = await listAlerts(ws.workspaceId);
    expect(alerts).toHaveLength(2);
    expect(alerts[0].detail).toContain("The Jobs API refused this workspace's API key (HTTP 401)");
    expect(alerts[0].detail).toContain(`The last success was at ${healthy!.lastSuccessAt!.toISOString()}`);
  });

  it("counts the delivery workers' calls: three job.completed deliveries fail for want of links, two workers, one alert", async () => {
    const workspace = await createTestWorkspace({ upstream: { baseUrl: upstream.url, apiKey: KEY } });
    await watch(workspace.id);
    const receiver = await startReceiver();
    try {
      await createTestEndpoint(workspace.id, receiver.url("/hooks"));
      const jobIds = ["job_dl_a", "job_dl_b", "job_dl_c"].map((id) => `${id}_${workspace.id.slice(-6)}`);
      for (const jobId of jobIds) {
        const response = await postSigned(workspace, {
          event: "job.completed",
          timestamp: new Date().toISOString(),
          data: {
            jobId,
            status: "transcribed",
            apiProduct: "transcribe",
            outputs: [
              {
                url: `${upstream.url}/files/${jobId}.srt`,
                expiresAt: new Date(Date.now() + 3_600_000).toISOString(),
                sizeBytes: 1,
              },
            ],
          },
        });
        expect(response.status).toBe(200);
      }
      upstream.answer(() => serverError);
      const calls = callsUpstream();

      const clock = () => Date.now() + 1_000;
      const sent = await Promise.all([deliverDue(workspace.id, { clock }), deliverDue(workspace.id, { clock })]);
      expect(sent[0] + sent[1]).toBe(3);
      expect(callsUpstream() - calls).toBe(3);
      expect(receiver.requests).toHaveLength(0);
      expect((await health(workspace.id))?.consecutiveFailures).toBe(3);

      expect(await detectTwice(workspace.id)).toBe(1);
      const [alert] = await listAlerts(workspace.id);
      expect(alert.kind).toBe("download_failing");

      // The retry (5 s later) gets its links: the run ends, the deliveries go out.
      upstream.answer(links);
      await deliverDue(workspace.id, { clock: () => Date.now() + 60_000 });
      expect(receiver.requests).toHaveLength(3);
      expect(await health(workspace.id)).toMatchObject({ consecutiveFailures: 0, failingSince: null });
    } finally {
      await receiver.close();
    }
  });

  it("does not count answers about the job — 404, not completed — nor a job the portal knows is not completed", async () => {
    const ws = await createWorkspaceWithApiKey({ baseUrl: upstream.url, apiKey: KEY });
    await watch(ws.workspaceId);
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "dub", status: "merged" });
    const running = await createTestJob(ws.workspaceId, { apiProduct: "dub", status: "dubbing" });

    upstream.answer(() => serverError);
    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(502);
    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(502);

    upstream.answer(() => notFound);
    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(404);
    upstream.answer(() => ({
      status: 400,
      body: { error: { code: "INVALID_REQUEST", message: "Job is not completed yet. Current status: merging" } },
    }));
    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(400);
    const calls = callsUpstream();
    expect((await v1DownloadResult(ws.apiKey, running)).status).toBe(400);
    expect(callsUpstream()).toBe(calls);

    // Neither counted nor ending the run: two failures so far, no alert.
    expect((await health(ws.workspaceId))?.consecutiveFailures).toBe(2);
    expect(await detectTwice(ws.workspaceId)).toBe(0);

    upstream.answer(() => serverError);
    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(502);
    expect(await detectTwice(ws.workspaceId)).toBe(1);
  });

  it("records Test connection too: a refused key counts, the expected 404 does not", async () => {
    const ws = await createWorkspaceWithApiKey({ baseUrl: upstream.url, apiKey: KEY });
    upstream.answer(() => notFound);
    expect((await checkUpstreamConnection(ws.workspaceId)).result).toBe("accepted");
    expect(await health(ws.workspaceId)).toBeNull();

    upstream.answer(() => ({ status: 403, body: { error: { code: "UNAUTHORIZED", message: "Invalid API key" } } }));
    expect((await checkUpstreamConnection(ws.workspaceId)).result).toBe("refused");
    expect(await health(ws.workspaceId)).toMatchObject({
      consecutiveFailures: 1,
      lastError: "The Jobs API refused this workspace's API key (HTTP 403)",
    });
  });

  it("writes nothing for a success that changes nothing", async () => {
    const ws = await createWorkspaceWithApiKey({ baseUrl: upstream.url, apiKey: KEY });
    const jobId = await createTestJob(ws.workspaceId, { apiProduct: "transcribe", status: "transcribed" });
    upstream.answer(links);
    const version = async () =>
      (
        await prisma.$queryRaw<Array<{ xmin: string }>>`
          SELECT xmin::text FROM "DownloadResultHealth" WHERE "workspaceId" = ${ws.workspaceId}`
      )[0]?.xmin;

    expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(200);
    const first = await version();
    expect(first).toBeDefined();
    for (let i = 0; i < 3; i++) expect((await v1DownloadResult(ws.apiKey, jobId)).status).toBe(200);
    expect(await version()).toBe(first);
  });
});
