import { randomBytes, randomUUID } from "node:crypto";
import http from "node:http";
import type { APIRequestContext, Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectAccessible } from "./axe";
import { expect, PORTAL_URL, screenshotPath, signUp, test } from "./fixtures";

// The job page's events, bounded: the newest 50 with the job, older ones on demand, a payload
// when its row is opened, and a summary that names what it counts. And live updates beyond the
// per-user stream budget: the page says they are paused and keeps itself current by polling.
interface Inbound {
  workspaceId: string;
  send(payload: unknown): Promise<number>;
}

async function freshWorkspace(page: Page): Promise<Inbound> {
  await signUp(page, { email: `events-${randomBytes(4).toString("hex")}@example.com`, workspaceName: "Events lab" });
  const { workspaceId } = (await (await page.request.get("/api/settings/connection")).json()) as {
    workspaceId: string;
  };
  const { secret } = (await (await page.request.get("/api/settings/inbound-secret")).json()) as { secret: string };
  const signer = new Webhook(secret);
  const request: APIRequestContext = page.request;
  return {
    workspaceId,
    async send(payload) {
      const id = `msg_${randomUUID()}`;
      const body = JSON.stringify(payload);
      const now = new Date();
      const response = await request.post(`/api/webhooks/${workspaceId}`, {
        headers: {
          "content-type": "application/json",
          "webhook-id": id,
          "webhook-timestamp": String(Math.floor(now.getTime() / 1000)),
          "webhook-signature": signer.sign(id, now, body),
        },
        data: body,
      });
      return response.status();
    },
  };
}

const at = (second: number) => new Date(Date.UTC(2026, 11, 1, 9, 0, second)).toISOString();
const event = (status: string, second: number, extra: Record<string, unknown> = {}) => ({
  event: status === "created" ? "job.created" : "job.processing",
  timestamp: at(second),
  data: { jobId: "job_many_events", status, apiProduct: "transcribe", ...extra },
});

test("a job with many events: newest 50 first, older on demand, a payload when opened", async ({ page }) => {
  test.setTimeout(120_000);
  const inbound = await freshWorkspace(page);
  await test.step("120 deliveries: 2 applied, 1 late, 116 duplicate, 1 of an event type the portal does not know", async () => {
    expect(await inbound.send(event("created", 0))).toBe(200);
    expect(await inbound.send(event("transcribing", 10, { duration: 61.5 }))).toBe(200);
    expect(await inbound.send(event("created", 1))).toBe(200); // late
    for (let n = 0; n < 116; n += 1) expect(await inbound.send(event("transcribing", 20 + n))).toBe(200);
    expect(
      await inbound.send({
        event: "job.archived",
        timestamp: at(500),
        data: { jobId: "job_many_events", apiProduct: "transcribe", note: "kept" },
      }),
    ).toBe(200);
  });

  await page.goto("/jobs/job_many_events");
  const summary = page.getByTestId("job-events-summary");
  await expect(summary).toContainText("120 webhook deliveries (1 late · 116 duplicate · 1 ignored) from the Jobs API.");
  const rows = page.getByTestId("job-event");
  // The newest 50, plus the first report of each step that is not among them (job.created at 0 s, transcribing at 10 s).
  await expect(rows).toHaveCount(52);
  const ignored = page.locator('[data-testid="job-event"][data-disposition="ignored"]');
  await expect(ignored).toHaveCount(1);
  await expect(page.getByText("Showing 52 of 120 events.")).toBeVisible();

  await test.step("a payload is loaded when its event is opened", async () => {
    await ignored.getByRole("button", { name: "Payload" }).click();
    await expect(ignored.getByTestId("event-payload")).toContainText('"note": "kept"');
    await page.screenshot({ path: screenshotPath("job-events-open"), fullPage: true });
    await expectAccessible(page, "job, 52 events, a payload open");
  });

  await test.step("older events on demand", async () => {
    const older = page.getByRole("button", { name: "Load older events" });
    await older.click();
    await expect(rows).toHaveCount(102);
    await older.click();
    await expect(rows).toHaveCount(120);
    await expect(page.getByRole("button", { name: "Load older events" })).toBeHidden();
    await expect(page.locator('[data-step="created"] [data-testid="job-event"]').first()).toHaveAttribute(
      "data-disposition",
      "applied",
    ); // job.created at 0 s, the oldest
  });
});

/**
 * Live streams opened as the page's user from outside the browser (a browser over HTTP/1.1 holds
 * at most 6 connections to one host, across all its tabs); returns a function that closes them.
 */
async function holdLiveStreams(page: Page, count: number): Promise<() => void> {
  const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  const url = new URL("/api/live", PORTAL_URL);
  url.hostname = "127.0.0.1";
  const requests: http.ClientRequest[] = [];
  await Promise.all(
    Array.from(
      { length: count },
      () =>
        new Promise<void>((resolve, reject) => {
          const request = http.get(url, { headers: { cookie, accept: "text/event-stream" } }, (response) => {
            if (response.statusCode !== 200) reject(new Error(`stream refused: ${response.statusCode}`));
            response.on("data", (chunk: Buffer) => chunk.toString().includes("event: ready") && resolve());
          });
          request.on("error", reject);
          requests.push(request);
        }),
    ),
  );
  return () => requests.forEach((request) => request.destroy());
}

test("beyond 10 live streams per user, the page says live updates are paused and still refreshes", async ({ page }) => {
  test.setTimeout(120_000);
  const inbound = await freshWorkspace(page);
  expect(await inbound.send(event("created", 0))).toBe(200);

  // Ten streams already open for this user (other browsers, tabs, scripts).
  const closeStreams = await holdLiveStreams(page, 10);
  const other = page;
  await other.goto("/jobs");
  const live = other.getByTestId("live-status");
  await expect(live).toHaveAttribute("data-status", "paused");
  await expect(live).toContainText("Live updates paused");
  await other.screenshot({ path: screenshotPath("jobs-live-paused") });
  await expectAccessible(other, "jobs, live updates paused");

  await test.step("paused, the page still picks up changes by polling", async () => {
    expect(await inbound.send(event("transcribing", 10))).toBe(200);
    await expect(other.getByTestId("job-status").first()).toHaveText("Transcribing", { timeout: 20_000 });
  });

  await test.step("closed streams give their places back at once", async () => {
    closeStreams();
    await other.reload();
    await expect(other.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  });
});
