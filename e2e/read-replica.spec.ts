import type { ChildProcess } from "node:child_process";
import { randomBytes } from "node:crypto";
import { type APIRequestContext, expect, type Page, test } from "@playwright/test";
import { samplePayload } from "@/lib/ingest/testing/sample-events";
import { signStandardWebhook } from "@/lib/ingest/testing/sign-standard-webhook";
import type { JobCounts } from "@/lib/jobs/types";
import { freePort } from "@/lib/net/free-port";
import { startPortal, stopChild, waitForHealth } from "@/scripts/lib/portal-process";
import { type StreamingReplica, startStreamingReplica } from "@/test/start-streaming-replica";

// The Jobs page of a portal whose lists and counts come from a read replica
// (DATABASE_REPLICA_URL), on a primary and a streaming replica of its own
// (test/start-streaming-replica.ts). With the replica's replay paused, a job that arrives must
// still appear: the live frame carries the primary's position and the page's refetch names it, so
// the primary answers it (a refetch served by the paused replica would never show the job, as a
// new job only reaches the list through that refetch). Another browser, signed in but told of
// nothing, is still answered by the replica, from before. A stopped replica breaks nothing.
let cluster: StreamingReplica;
let portal: ChildProcess;
let portalUrl: string;
const email = `replica-${Date.now()}@example.com`;
const password = "correct-horse-battery";

test.beforeAll(async () => {
  test.setTimeout(240_000);
  cluster = await startStreamingReplica();
  const port = await freePort();
  portalUrl = `http://127.0.0.1:${port}`;
  portal = startPortal(
    port,
    {
      DATABASE_URL: cluster.primaryUrl,
      DIRECT_DATABASE_URL: "",
      DATABASE_REPLICA_URL: cluster.replicaUrl,
      APP_ENCRYPTION_KEY: randomBytes(32).toString("base64"),
      NEXTAUTH_SECRET: randomBytes(32).toString("base64"),
      NEXTAUTH_URL: portalUrl,
      HOST: "127.0.0.1",
      LOG_LEVEL: "warn",
      EMAIL_SERVER: "",
      EMAIL_FROM: "",
    },
    { stdout: "ignore" },
  );
  await waitForHealth(portalUrl, portal, 90_000);
});

test.afterAll(async () => {
  test.setTimeout(60_000);
  if (portal) await stopChild(portal);
  await cluster?.stop();
});

async function signIn(request: APIRequestContext): Promise<void> {
  const { csrfToken } = (await (await request.get(`${portalUrl}/api/auth/csrf`)).json()) as { csrfToken: string };
  const response = await request.post(`${portalUrl}/api/auth/callback/credentials`, {
    form: { csrfToken, email, password, json: "true" },
    headers: { origin: portalUrl },
  });
  expect(response.ok()).toBeTruthy();
}

const row = (page: Page, jobId: string) => page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`);

test("the Jobs page on a read replica converges live while the replica lags, and keeps working without it", async ({
  page,
  browser,
}) => {
  test.setTimeout(180_000);
  let workspaceId = "";
  let secret = "";
  let sentAt = Date.parse("2026-01-01T00:00:00Z");
  const send = async (jobId: string) => {
    const body = JSON.stringify(samplePayload("transcribe", "created", jobId, (sentAt += 1_000)));
    const id = `msg_${jobId}`;
    const timestamp = String(Math.floor(Date.now() / 1000));
    const response = await fetch(`${portalUrl}/api/webhooks/${workspaceId}`, {
      method: "POST",
      headers: {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": timestamp,
        "webhook-signature": signStandardWebhook(secret, id, timestamp, body),
      },
      body,
    });
    expect(response.status).toBe(200);
  };
  const allCount = async (request: APIRequestContext) => {
    const response = await request.get(`${portalUrl}/api/jobs/counts`, {
      headers: { "x-portal-workspace": workspaceId },
    });
    expect(response.status()).toBe(200);
    return ((await response.json()) as JobCounts).all.count;
  };

  await test.step("a user signs up and opens the Jobs page, live", async () => {
    const signUp = await page.request.post(`${portalUrl}/api/sign-up`, {
      data: { name: "Replica", email, password },
      headers: { origin: portalUrl },
    });
    expect(signUp.status(), await signUp.text()).toBe(201);
    await signIn(page.request);
    workspaceId = (
      (await (await page.request.get(`${portalUrl}/api/settings/connection`)).json()) as { workspaceId: string }
    ).workspaceId;
    secret = ((await (await page.request.get(`${portalUrl}/api/settings/inbound-secret`)).json()) as { secret: string })
      .secret;
    await send("job_replica_first");
    await cluster.waitUntilCaughtUp();
    await page.goto(`${portalUrl}/w/${workspaceId}/jobs`);
    await expect(row(page, "job_replica_first")).toBeVisible();
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  });

  const other = await browser.newContext();
  try {
    await signIn(other.request);
    expect(await allCount(other.request)).toBe(1);

    await test.step("with the replica's replay paused, a new job appears on the open page all the same", async () => {
      await cluster.pauseReplay();
      try {
        const refetched = page.waitForResponse(
          (response) => response.url().startsWith(`${portalUrl}/api/jobs/counts`) && response.ok(),
        );
        await send("job_replica_live");
        await expect(row(page, "job_replica_live")).toBeVisible();
        const counts = await refetched;
        expect(counts.request().headers()["x-portal-read-after"]).toMatch(/^[0-9A-F]+\/[0-9A-F]+$/);
        expect(((await counts.json()) as JobCounts).all.count).toBe(2);
        await expect(page.getByRole("tab", { name: /^All/ })).toHaveText(/2/);
        // Another browser, told of nothing, is answered by the paused replica: the state from before.
        expect(await allCount(other.request)).toBe(1);
      } finally {
        await cluster.resumeReplay();
      }
      await expect.poll(() => allCount(other.request)).toBe(2);
      await expect(row(page, "job_replica_live")).toBeVisible();
    });
  } finally {
    await other.close();
  }

  await test.step("with the replica stopped, the page loads and follows changes from the primary", async () => {
    await cluster.stopReplica();
    await send("job_replica_after_stop");
    await page.reload();
    await expect(row(page, "job_replica_after_stop")).toBeVisible();
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    await send("job_replica_later");
    await expect(row(page, "job_replica_later")).toBeVisible();
    await expect(page.getByRole("tab", { name: /^All/ })).toHaveText(/4/);
  });
});
