import { type Locator, type Page } from "@playwright/test";
import { describeViolations, findViolations, type AxeFinding } from "./axe";
import { expect, ORIGIN, screenshotPath, test } from "./fixtures";
import { startWebhookReceiver } from "./webhook-receiver";

// Every main page in light and dark mode: a screenshot of each for review, and axe-core's colour
// rules (text contrast, links told apart from their text) on each. The colours come from the design
// tokens in app/globals.css, so a failure here is fixed there, not on the page.
const COLOUR_RULES = ["color-contrast", "link-in-text-block"];
const SCHEMES = ["light", "dark"] as const;
const media = (name: string) => `https://media.example.com/e2e/${name}.mp4`;

interface PageCheck {
  name: string;
  path: string;
  /** What shows once the page has its data. */
  ready: (page: Page) => Locator;
  /** Something to do after it is ready, such as opening a dialog. */
  then?: (page: Page) => Promise<void>;
}

async function waitForJob(page: Page, jobId: string, state: string): Promise<void> {
  await expect
    .poll(async () => ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { job?: { state: string } }).job?.state, { timeout: 30_000 })
    .toBe(state);
}

async function checkPages(page: Page, checks: PageCheck[]): Promise<string[]> {
  const failures: string[] = [];
  for (const scheme of SCHEMES) {
    await page.emulateMedia({ colorScheme: scheme });
    for (const check of checks) {
      await test.step(`${check.name}, ${scheme}`, async () => {
        await page.goto(check.path);
        await expect(check.ready(page).first()).toBeVisible();
        await check.then?.(page);
        await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /\bdark\b/ : /^(?!.*\bdark\b)/);
        await page.screenshot({ path: screenshotPath(`page-${check.name}-${scheme}`), fullPage: true });
        const findings: AxeFinding[] = await findViolations(page, { rules: COLOUR_RULES });
        if (findings.length) failures.push(`${check.name} (${scheme}):\n${describeViolations(findings)}`);
      });
    }
  }
  return failures;
}

test("signed out: sign-in and sign-up, light and dark, meet WCAG AA colour contrast", async ({ page }) => {
  const failures = await checkPages(page, [
    { name: "sign-in", path: "/sign-in", ready: (p) => p.getByRole("button", { name: "Sign in", exact: true }) },
    { name: "sign-up", path: "/sign-up", ready: (p) => p.getByRole("button", { name: /create/i }) },
    { name: "forgot-password", path: "/forgot-password", ready: (p) => p.getByRole("heading", { name: "Reset your password" }) },
  ]);
  expect(failures, failures.join("\n\n")).toEqual([]);
});

test("signed in: every main page, light and dark, meets WCAG AA colour contrast", async ({ signedInPage: page, simulator }) => {
  test.setTimeout(180_000);
  const receiver = await startWebhookReceiver();
  // The demo workspace is shared with the other specs: what this test adds, it takes away again.
  let endpointId: string | undefined;
  let apiKeyId: string | undefined;
  try {
    const completed = await simulator.createJob("translate", { mediaUrl: media("contrast-lecture"), targetLanguage: "fr" });
    const failed = await simulator.createJob("dub", { mediaUrl: media("fail-contrast"), targetLanguage: "de" });
    const endpoint = await page.request.post("/api/webhook-endpoints", {
      data: { url: receiver.url, description: "Contrast check", eventTypes: ["job.completed", "job.failed"] },
      headers: ORIGIN,
    });
    expect(endpoint.status(), await endpoint.text()).toBe(201);
    endpointId = ((await endpoint.json()) as { endpoint: { id: string } }).endpoint.id;
    const key = await page.request.post("/api/api-keys", { data: { name: "Contrast check" }, headers: ORIGIN });
    expect(key.status(), await key.text()).toBe(201);
    apiKeyId = ((await key.json()) as { apiKey: { id: string } }).apiKey.id;
    await waitForJob(page, completed.jobId, "completed");
    await waitForJob(page, failed.jobId, "failed");

    const failures = await checkPages(page, [
      { name: "jobs", path: "/jobs", ready: (p) => p.getByTestId("job-row") },
      { name: "job-completed", path: `/jobs/${completed.jobId}`, ready: (p) => p.getByTestId("job-output") },
      {
        name: "job-failed",
        path: `/jobs/${failed.jobId}`,
        ready: (p) => p.getByTestId("failure-reason"),
        then: async (p) => {
          await p.getByTestId("job-event").first().locator("summary").click();
          await expect(p.getByTestId("event-payload")).toBeVisible();
        },
      },
      { name: "settings", path: "/settings", ready: (p) => p.getByTestId("api-key-status") },
      { name: "webhooks", path: "/settings/webhooks", ready: (p) => p.getByRole("link", { name: receiver.url }) },
      { name: "webhook-endpoint", path: `/settings/webhooks/${endpointId}`, ready: (p) => p.getByTestId("success-rate") },
      {
        name: "api-keys-create",
        path: "/settings/api-keys",
        ready: (p) => p.getByTestId("api-key-row"),
        then: async (p) => {
          await p.getByRole("button", { name: "Create API key" }).click();
          await expect(p.getByRole("dialog", { name: "Create an API key" })).toBeVisible();
        },
      },
      { name: "api-docs", path: "/api-docs", ready: (p) => p.getByRole("heading", { name: "API", level: 1 }) },
      { name: "members", path: "/settings/members", ready: (p) => p.getByTestId("member-row") },
      { name: "audit-log", path: "/settings/audit-log", ready: (p) => p.getByTestId("audit-entry") },
      { name: "account", path: "/account", ready: (p) => p.getByRole("button", { name: "Change password" }) },
      { name: "not-found", path: "/no-such-page", ready: (p) => p.getByRole("heading", { name: "Page not found" }) },
    ]);
    expect(failures, failures.join("\n\n")).toEqual([]);
  } finally {
    if (endpointId) await page.request.delete(`/api/webhook-endpoints/${endpointId}`, { headers: ORIGIN });
    if (apiKeyId) await page.request.delete(`/api/api-keys/${apiKeyId}`, { headers: ORIGIN });
    await receiver.close();
  }
});
