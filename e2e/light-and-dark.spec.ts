import { randomBytes } from "node:crypto";
import type { Locator, Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { CONFIRM_SUBJECT, expect, mailLink, ORIGIN, PORTAL_URL, test, waitForMail } from "./fixtures";
import { startWebhookReceiver } from "./webhook-receiver";

// Every page and dialog of the portal in light and dark mode: a screenshot of each for review, and
// axe-core's WCAG 2.1 A/AA rules on each (expectAccessible). The journeys check the pages they
// visit too; this spec makes sure none is left out, including states a journey passes quickly.
// Colours come from the design tokens in app/globals.css, so a contrast failure is fixed there.
const media = (name: string) => `https://media.example.com/e2e/${name}.mp4`;

interface PageCheck {
  name: string;
  path?: string;
  /** What shows once the page has its data. */
  ready?: (page: Page) => Locator;
  /** Something to do after it is ready, such as opening a dialog. */
  andThen?: (page: Page) => Promise<void>;
}

async function waitForJob(page: Page, jobId: string, state: string): Promise<void> {
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { job?: { state: string } }).job?.state,
      { timeout: 30_000 },
    )
    .toBe(state);
}

/** Each page, then its axe check in both schemes with a full-page screenshot in each. */
async function checkPages(page: Page, checks: PageCheck[]): Promise<void> {
  for (const check of checks) {
    await test.step(check.name, async () => {
      if (check.path) await page.goto(check.path);
      if (check.ready) await expect(check.ready(page).first()).toBeVisible();
      await check.andThen?.(page);
      await expectAccessible(page, check.name, { screenshot: `page-${check.name}` });
    });
  }
}

const openDialog = (button: string | RegExp, dialog: string) => async (page: Page) => {
  await page.getByRole("button", { name: button }).first().click();
  await expect(page.getByRole("dialog", { name: dialog })).toBeVisible();
};
const closeDialog = async (page: Page) => {
  await page.keyboard.press("Escape");
  await expect(page.getByRole("dialog")).toHaveCount(0);
};

test("signed out: sign-in, sign-up, check-email, confirm and forgot password, light and dark, meet WCAG 2.1 AA", async ({
  page,
  browser,
}) => {
  const email = `contrast-${randomBytes(4).toString("hex")}@example.com`;
  await checkPages(page, [
    { name: "sign-in", path: "/sign-in", ready: (p) => p.getByRole("button", { name: "Sign in", exact: true }) },
    {
      name: "sign-in-error",
      andThen: async (p) => {
        await p.getByLabel("Email", { exact: true }).fill("nobody@example.com");
        await p.getByLabel("Password", { exact: true }).fill("not-the-password");
        await p.getByRole("button", { name: "Sign in", exact: true }).click();
        await expect(p.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
      },
    },
    { name: "sign-up", path: "/sign-up", ready: (p) => p.getByRole("button", { name: "Create account" }) },
    {
      name: "sign-up-invalid",
      andThen: async (p) => {
        await p.getByRole("button", { name: "Create account" }).click();
        await expect(p.getByText("Enter your name")).toBeVisible();
      },
    },
    {
      name: "check-email",
      andThen: async (p) => {
        await p.getByLabel("Your name").fill("Grace Hopper");
        await p.getByLabel("Work email").fill(email);
        await p.getByLabel("Password", { exact: true }).fill("compilers-since-1952");
        await p.getByRole("button", { name: "Create account" }).click();
        await expect(p.getByRole("heading", { name: "Check your email" })).toBeVisible();
      },
    },
    {
      name: "confirm-expired",
      path: "/sign-up/confirm?token=expired-or-made-up",
      ready: (p) => p.getByText("This link has expired or was already used"),
    },
    {
      name: "forgot-password",
      path: "/forgot-password",
      ready: (p) => p.getByRole("heading", { name: "Reset your password" }),
    },
  ]);
  // The link opened in another browser asks for the sign-up's password.
  const other = await (await browser.newContext({ baseURL: PORTAL_URL })).newPage();
  await checkPages(other, [
    {
      name: "confirm-password",
      path: mailLink(await waitForMail(email, CONFIRM_SUBJECT)),
      ready: (p) => p.getByRole("button", { name: "Confirm and open my workspace" }),
    },
  ]);
  await other.context().close();
});

test("signed in: every page and dialog, light and dark, meets WCAG 2.1 AA", async ({
  signedInPage: page,
  simulator,
}) => {
  test.setTimeout(240_000);
  const receiver = await startWebhookReceiver();
  receiver.respondWith(503, JSON.stringify({ error: "down for the check" }));
  // The demo workspace is shared with the other specs: what this test adds, it takes away again.
  let endpointId: string | undefined;
  let apiKeyId: string | undefined;
  try {
    const endpoint = await page.request.post("/api/webhook-endpoints", {
      data: { url: receiver.url, description: "Accessibility check", eventTypes: ["job.completed", "job.failed"] },
      headers: ORIGIN,
    });
    expect(endpoint.status(), await endpoint.text()).toBe(201);
    endpointId = ((await endpoint.json()) as { endpoint: { id: string } }).endpoint.id;
    const key = await page.request.post("/api/api-keys", { data: { name: "Accessibility check" }, headers: ORIGIN });
    expect(key.status(), await key.text()).toBe(201);
    apiKeyId = ((await key.json()) as { apiKey: { id: string } }).apiKey.id;
    const completed = await simulator.createJob("translate", {
      mediaUrl: media("contrast-lecture"),
      targetLanguage: "fr",
    });
    const failed = await simulator.createJob("dub", { mediaUrl: media("fail-contrast"), targetLanguage: "de" });
    await waitForJob(page, completed.jobId, "completed");
    await waitForJob(page, failed.jobId, "failed");

    await checkPages(page, [
      { name: "jobs", path: "/jobs", ready: (p) => p.getByTestId("job-row") },
      { name: "jobs-no-match", path: "/jobs?q=job_nothing_matches", ready: (p) => p.getByText("No matching jobs") },
      { name: "job-completed", path: `/jobs/${completed.jobId}`, ready: (p) => p.getByTestId("job-output") },
      {
        name: "job-failed",
        path: `/jobs/${failed.jobId}`,
        ready: (p) => p.getByTestId("failure-reason"),
        andThen: async (p) => {
          await p.getByTestId("job-event").first().getByRole("button", { name: "Payload" }).click();
          await expect(p.getByTestId("event-payload")).toBeVisible();
        },
      },
      {
        name: "job-not-found",
        path: "/jobs/job_that_does_not_exist",
        ready: (p) => p.getByRole("heading", { name: "Job not found" }),
      },
      { name: "settings", path: "/settings", ready: (p) => p.getByTestId("api-key-status") },
      { name: "settings-rotate-dialog", andThen: openDialog("Rotate secret", "Rotate the signing secret?") },
      { name: "webhooks", path: "/settings/webhooks", ready: (p) => p.getByRole("link", { name: receiver.url }) },
      { name: "webhooks-add-dialog", andThen: openDialog("Add endpoint", "Add a webhook endpoint") },
      {
        name: "webhook-endpoint",
        path: `/settings/webhooks/${endpointId}`,
        ready: (p) => p.getByTestId("delivery-row"),
        andThen: async (p) => {
          await p.getByRole("button", { name: "Send test event" }).click();
          await expect(p.getByTestId("test-event-result")).toBeVisible();
        },
      },
      {
        name: "webhook-delivery-dialog",
        andThen: async (p) => {
          await p.getByTestId("delivery-row").first().getByRole("cell").nth(1).click();
          await expect(p.getByRole("dialog", { name: /delivery$/ })).toBeVisible();
        },
      },
      {
        name: "webhook-replay-dialog",
        andThen: async (p) => {
          await closeDialog(p);
          await openDialog("Replay failed…", "Replay failed deliveries")(p);
        },
      },
      {
        name: "webhook-rotate-dialog",
        andThen: async (p) => {
          await closeDialog(p);
          await openDialog("Rotate secret", "Rotate the signing secret?")(p);
        },
      },
      {
        name: "webhook-delete-dialog",
        andThen: async (p) => {
          await closeDialog(p);
          await openDialog("Delete endpoint", "Delete this endpoint?")(p);
        },
      },
      {
        name: "endpoint-not-found",
        path: "/settings/webhooks/endpoint-that-does-not-exist",
        ready: (p) => p.getByRole("heading", { name: "Endpoint not found" }),
      },
      { name: "api-keys", path: "/settings/api-keys", ready: (p) => p.getByTestId("api-key-row") },
      { name: "api-keys-create-dialog", andThen: openDialog("Create API key", "Create an API key") },
      {
        name: "api-keys-created-dialog",
        andThen: async (p) => {
          const dialog = p.getByRole("dialog", { name: "Create an API key" });
          await dialog.getByLabel("Name").fill("Accessibility check, shown once");
          await dialog.getByRole("button", { name: "Create key" }).click();
          await expect(p.getByTestId("new-api-key")).toHaveText(/^jp_live_/);
        },
      },
      {
        name: "api-keys-revoke-dialog",
        andThen: async (p) => {
          await p.getByRole("dialog", { name: "Copy your new API key" }).getByRole("button", { name: "Done" }).click();
          await openDialog("Revoke Accessibility check, shown once", "Revoke this API key?")(p);
          await p.getByRole("dialog").getByRole("button", { name: "Revoke key" }).click();
          await expect(p.getByRole("dialog")).toHaveCount(0);
          await openDialog(/^Revoke Accessibility check$/, "Revoke this API key?")(p);
        },
      },
      { name: "api-docs", path: "/api-docs", ready: (p) => p.getByRole("heading", { name: "API", level: 1 }) },
      { name: "members", path: "/settings/members", ready: (p) => p.getByTestId("member-row") },
      { name: "audit-log", path: "/settings/audit-log", ready: (p) => p.getByTestId("audit-entry") },
      { name: "account", path: "/account", ready: (p) => p.getByRole("button", { name: "Change password" }) },
      { name: "not-found", path: "/no-such-page", ready: (p) => p.getByRole("heading", { name: "Page not found" }) },
    ]);

    await test.step("narrow screens: tables, code and payloads scroll, the navigation is a drawer", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await checkPages(page, [
        { name: "mobile-jobs", path: "/jobs", ready: (p) => p.getByTestId("job-row") },
        { name: "mobile-nav", andThen: openDialog("Open navigation", "Navigation") },
        { name: "mobile-job-completed", path: `/jobs/${completed.jobId}`, ready: (p) => p.getByTestId("job-output") },
        { name: "mobile-settings", path: "/settings", ready: (p) => p.getByTestId("api-key-status") },
        {
          name: "mobile-webhook-endpoint",
          path: `/settings/webhooks/${endpointId}`,
          ready: (p) => p.getByTestId("delivery-row"),
        },
        { name: "mobile-api-keys", path: "/settings/api-keys", ready: (p) => p.getByTestId("api-key-row") },
        { name: "mobile-api-docs", path: "/api-docs", ready: (p) => p.getByRole("heading", { name: "API", level: 1 }) },
      ]);
    });
  } finally {
    if (endpointId) await page.request.delete(`/api/webhook-endpoints/${endpointId}`, { headers: ORIGIN });
    if (apiKeyId) await page.request.delete(`/api/api-keys/${apiKeyId}`, { headers: ORIGIN });
    await receiver.close();
  }
});
