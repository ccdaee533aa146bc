import type { APIRequestContext, Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { expectAccessible } from "./axe";
import { expect, ORIGIN, screenshotPath, test } from "./fixtures";
import { type ReceivedRequest, signatureHeaders, startWebhookReceiver, type WebhookReceiver } from "./webhook-receiver";

// Settings → Webhooks against real deliveries: a receiver this test runs on 127.0.0.1, jobs the
// simulator walks, events the portal ingests and re-delivers, signed, to the receiver.
const jobIdOf = (request: ReceivedRequest) => (JSON.parse(request.body) as { data?: { jobId?: string } }).data?.jobId;
const eventOf = (request: ReceivedRequest) => (JSON.parse(request.body) as { event?: string }).event;

/** Adds an endpoint through the dialog; returns its id once its page is open. */
async function addEndpoint(
  page: Page,
  input: { url: string; description: string; events?: string[] },
): Promise<string> {
  await page.goto("/settings/webhooks");
  await page.getByRole("button", { name: "Add endpoint" }).first().click();
  const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
  await dialog.getByLabel("Endpoint URL").fill(input.url);
  await dialog.getByLabel("Description").fill(input.description);
  if (input.events) {
    for (const box of await dialog.getByRole("checkbox").all()) {
      await box.setChecked(input.events.includes((await box.getAttribute("value")) ?? ""));
    }
  }
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(page).toHaveURL(/\/settings\/webhooks\/[^/]+$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(input.url);
  return page.url().split("/").pop()!;
}

async function deleteEndpoint(request: APIRequestContext, endpointId: string) {
  await request.delete(`/api/webhook-endpoints/${endpointId}`, { headers: ORIGIN });
}

test("an endpoint receives signed job events; test event, resend, rotation and the log", async ({
  signedInPage: page,
  simulator,
}) => {
  test.setTimeout(180_000);
  const receivers: WebhookReceiver[] = [];
  const endpointIds: string[] = [];
  try {
    await test.step("Settings links to Webhooks", async () => {
      await page.goto("/settings");
      await page.screenshot({ path: test.info().outputPath("settings.png"), fullPage: true });
      await page.getByRole("link", { name: /Manage webhook endpoints/ }).click();
      await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    });
    const receiver = await startWebhookReceiver();
    receivers.push(receiver);
    const endpointId = await addEndpoint(page, { url: receiver.url, description: "Render farm (e2e receiver)" });
    endpointIds.push(endpointId);

    let secret = "";
    await test.step("the signing secret is revealed on demand", async () => {
      const value = page.getByTestId("secret-value");
      await expect(value).toHaveText(/^whsec_•+$/);
      await page.getByRole("button", { name: "Reveal signing secret" }).click();
      await expect(value).toHaveText(/^whsec_[A-Za-z0-9+/=]+$/);
      secret = (await value.textContent())!;
      await expectAccessible(page, "endpoint, new");
    });

    await test.step("a test event shows the receiver's status, latency and body, and verifies", async () => {
      receiver.respondWith(200, JSON.stringify({ received: true, by: "e2e" }));
      await page.getByRole("button", { name: "Send test event" }).click();
      const result = page.getByTestId("test-event-result");
      await expect(result.getByTestId("status-code")).toHaveText("200");
      await expect(result.getByTestId("test-event-latency")).toHaveText(/^\d+(\.\d)? m?s$/);
      await expect(result.getByTestId("test-event-body")).toContainText('"by":"e2e"');
      const received = receiver.requests.at(-1)!;
      expect(() => new Webhook(secret).verify(received.body, signatureHeaders(received))).not.toThrow();
    });

    const { jobId } = await simulator.createJob("transcribe", {
      mediaUrl: "https://media.example.com/a.mp4",
      sourceLanguage: "en",
    });
    const jobRows = page.getByTestId("delivery-row").filter({ hasText: jobId });
    await test.step("the job's events appear in the log and arrive at the receiver, signed", async () => {
      await expect(jobRows).toHaveCount(3);
      for (const row of await jobRows.all()) await expect(row.getByTestId("delivery-status")).toHaveText("Succeeded");
      const forJob = receiver.requests.filter((request) => jobIdOf(request) === jobId);
      expect(forJob.map(eventOf).sort()).toEqual(["job.completed", "job.created", "job.processing"]);
      for (const request of forJob)
        expect(() => new Webhook(secret).verify(request.body, signatureHeaders(request))).not.toThrow();
      expect(new Set(forJob.map((request) => request.headers["webhook-id"])).size).toBe(3);
      const byJob = await page.request.get(`/api/jobs/${jobId}/deliveries`);
      const { deliveries } = (await byJob.json()) as { deliveries: Array<{ endpointId: string; status: string }> };
      expect(deliveries.map((delivery) => [delivery.endpointId, delivery.status])).toEqual(
        Array(3).fill([endpointId, "succeeded"]),
      );
    });

    await test.step("a delivery shows its attempts and can be resent with the same webhook-id", async () => {
      await jobRows.filter({ hasText: "job.completed" }).getByRole("cell").nth(1).click();
      const dialog = page.getByRole("dialog", { name: "job.completed delivery" });
      await expect(dialog.getByTestId("delivery-attempt")).toHaveCount(1);
      await expect(dialog.getByTestId("delivery-attempt")).toContainText('"by":"e2e"');
      const original = receiver.requests.find(
        (request) => jobIdOf(request) === jobId && eventOf(request) === "job.completed",
      )!;
      const before = receiver.requests.length;
      await dialog.getByRole("button", { name: "Resend" }).click();
      await expect(dialog.getByText("Queued again with the same webhook-id")).toBeVisible();
      await expect(dialog.getByTestId("delivery-attempt")).toHaveCount(2);
      const resent = receiver.requests.slice(before).find((request) => eventOf(request) === "job.completed")!;
      expect(resent.headers["webhook-id"]).toBe(original.headers["webhook-id"]);
      await page.screenshot({ path: screenshotPath("webhook-delivery") });
      await expectAccessible(page, "delivery dialog, resent");
      // The owner may copy an attempt as a signed cURL command here too, as on the job page.
      await dialog.getByRole("button", { name: "Attempt 1: request and answer" }).click();
      const debug = page.getByRole("dialog", { name: "job.completed · attempt 1" });
      await debug.getByRole("button", { name: "Copy as cURL" }).click();
      await expect(debug.getByTestId("curl-command")).toContainText("webhook-signature");
      await debug.getByRole("button", { name: "Close" }).click();
      await expect(debug).toBeHidden();
      await dialog.getByRole("button", { name: "Close" }).click();
    });

    await test.step("rotation replaces the secret and signs with both for 24 hours", async () => {
      await page.getByRole("button", { name: "Rotate secret" }).click();
      const dialog = page.getByRole("dialog", { name: "Rotate the signing secret?" });
      await expect(dialog).toContainText("24 hours");
      await dialog.getByRole("button", { name: "Rotate secret" }).click();
      await expect(dialog).toBeHidden();
      const value = page.getByTestId("secret-value");
      await expect(value).not.toHaveText(secret);
      await expect(value).toHaveText(/^whsec_[A-Za-z0-9+/=]+$/);
      const rotated = (await value.textContent())!;
      await expect(page.getByText("Rotation in progress")).toBeVisible();

      const before = receiver.requests.length;
      await page.getByRole("button", { name: "Send test event" }).click();
      await expect.poll(() => receiver.requests.length).toBeGreaterThan(before);
      const received = receiver.requests.at(-1)!;
      expect(String(received.headers["webhook-signature"]).split(" ")).toHaveLength(2);
      for (const key of [secret, rotated])
        expect(() => new Webhook(key).verify(received.body, signatureHeaders(received))).not.toThrow();
    });

    const failing = await startWebhookReceiver("/ingest");
    receivers.push(failing);
    let failingId = "";
    let secondJobId = "";
    await test.step("screenshots: the list with a healthy, a failing and a disabled endpoint", async () => {
      failing.respondWith(503, JSON.stringify({ error: "upstream maintenance" }));
      failingId = await addEndpoint(page, {
        url: failing.url,
        description: "Analytics (staging)",
        events: ["job.completed", "job.failed"],
      });
      endpointIds.push(failingId);
      const paused = await addEndpoint(page, {
        url: "http://10.20.0.15/hooks/legacy-crm",
        description: "Legacy CRM",
        events: ["job.completed"],
      });
      endpointIds.push(paused);
      await page.getByRole("switch", { name: "Enabled" }).click();
      await expect(page.getByTestId("endpoint-status")).toHaveText("Disabled");

      secondJobId = (
        await simulator.createJob("transcribe", { mediaUrl: "https://media.example.com/b.mp4", sourceLanguage: "en" })
      ).jobId;
      await expect
        .poll(() => failing.requests.filter((request) => jobIdOf(request) === secondJobId).length, { timeout: 30_000 })
        .toBeGreaterThan(0);

      await page.goto("/settings/webhooks");
      await expect(page.getByTestId("endpoint-row")).toHaveCount(3);
      await page.screenshot({ path: screenshotPath("webhooks"), fullPage: true });
      await expectAccessible(page, "webhooks, healthy, failing and disabled endpoints");
      await page.goto(`/settings/webhooks/${endpointId}`);
      await expect(page.getByTestId("delivery-row").first()).toBeVisible();
      await page.getByRole("button", { name: "Send test event" }).click();
      await expect(page.getByTestId("test-event-result")).toBeVisible();
      await page.screenshot({ path: screenshotPath("webhook-endpoint"), fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.goto("/settings/webhooks");
      await expect(page.getByTestId("endpoint-row")).toHaveCount(3);
      await page.screenshot({ path: screenshotPath("webhooks-dark"), fullPage: true });
      await page.goto(`/settings/webhooks/${failingId}`);
      await expect(page.getByTestId("delivery-row").first()).toBeVisible();
      // The banner tells what really happens: the schedule, then the disable, on a date.
      const banner = page.getByRole("status").filter({ hasText: "Deliveries have been failing since" });
      await expect(banner).toContainText("8 attempts over about 28 hours");
      await expect(banner.getByTestId("disables-at")).toHaveText(/\d{4}/);
      await page.screenshot({ path: screenshotPath("webhook-endpoint-dark"), fullPage: true });
      await expectAccessible(page, "endpoint, failing");
    });

    await test.step("a 410 Gone disables the endpoint; once re-enabled, what failed is replayed", async () => {
      await page.emulateMedia({ colorScheme: "light" });
      failing.respondWith(410, JSON.stringify({ error: "this integration was removed" }));
      await page.getByTestId("delivery-row").first().getByRole("cell").nth(1).click();
      const dialog = page.getByRole("dialog", { name: "job.completed delivery" });
      await dialog.getByRole("button", { name: "Resend" }).click();
      await expect(dialog.getByTestId("delivery-status")).toHaveText("Failed");
      await expect(dialog.getByTestId("delivery-attempt").first().getByTestId("status-code")).toHaveText("410");
      await dialog.getByRole("button", { name: "Close" }).click();

      const banner = page.getByRole("alert").filter({ hasText: "This endpoint was disabled automatically" });
      await expect(banner.getByTestId("disabled-reason")).toContainText("410 Gone");
      await expect(page.getByRole("switch", { name: "Enabled" })).not.toBeChecked();
      await page.screenshot({ path: screenshotPath("webhook-endpoint-disabled") });
      await expectAccessible(page, "endpoint, disabled automatically");

      failing.respondWith(200, JSON.stringify({ received: true }));
      await banner.getByRole("button", { name: "Re-enable" }).click();
      await expect(banner).toBeHidden();
      await page.getByRole("button", { name: "Replay failed…" }).click();
      const replay = page.getByRole("dialog", { name: "Replay failed deliveries" });
      await expect(replay.getByTestId("replay-count")).toContainText("1 failed delivery since");
      await page.screenshot({ path: screenshotPath("webhook-replay") });
      await expectAccessible(page, "replay dialog");
      await replay.getByRole("button", { name: "Replay 1 delivery" }).click();
      await expect(replay.getByText("1 delivery was queued again.")).toBeVisible();
      await replay.getByRole("button", { name: "Done" }).click();
      await expect(page.getByTestId("delivery-row").first().getByTestId("delivery-status")).toHaveText("Succeeded");
      const ids = failing.requests
        .filter((request) => jobIdOf(request) === secondJobId)
        .map((request) => request.headers["webhook-id"]);
      expect(ids.length).toBeGreaterThanOrEqual(3);
      expect(new Set(ids).size).toBe(1);
    });
  } finally {
    // The demo workspace is shared with other specs: leave no endpoint behind to deliver to.
    for (const id of endpointIds) await deleteEndpoint(page.request, id);
    await Promise.all(receivers.map((receiver) => receiver.close()));
  }
});
