import { gzipSync } from "node:zlib";
import type { Page } from "@playwright/test";
import { describeViolations, findViolations } from "./axe";
import { tableRows } from "./chart-table";
import { expect, screenshotPath, test } from "./fixtures";

// The overview (the home after sign-in) against real jobs: the simulator walks them, the portal
// ingests its webhooks, and the charts' table views show them. The demo workspace is shared with
// the other specs, so counts are read as "at least what this test made".
const media = (name: string) => `https://media.example.com/e2e/${name}.mp4`;

async function waitForState(page: Page, jobId: string, state: string): Promise<void> {
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { job?: { state: string } }).job?.state,
      { timeout: 30_000 },
    )
    .toBe(state);
}

test("the overview opens after sign-in and shows the simulator's jobs, in charts and tables, light and dark", async ({
  page,
  stack,
  simulator,
}) => {
  test.setTimeout(120_000);
  const done = await simulator.createJob("transcribe", { mediaUrl: media("overview-lecture"), sourceLanguage: "en" });
  const failed = await simulator.createJob("transcribe", { mediaUrl: media("fail-overview"), sourceLanguage: "en" });

  await test.step("signing in lands on the overview", async () => {
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(stack.email);
    await page.getByLabel("Password", { exact: true }).fill(stack.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/overview$/);
    await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
  });

  await waitForState(page, done.jobId, "completed");
  await waitForState(page, failed.jobId, "failed");

  await test.step("today's transcriptions include a completed and a failed one", async () => {
    await page.reload();
    expect(Number((await page.getByTestId("stat-jobs").textContent())?.replace(/,/g, ""))).toBeGreaterThanOrEqual(2);
    const rows = await tableRows(page, "Transcribe jobs per day");
    expect(rows).toHaveLength(7);
    const [, completed, failures, , , total] = rows[rows.length - 1];
    expect(Number(completed)).toBeGreaterThanOrEqual(1);
    expect(Number(failures)).toBeGreaterThanOrEqual(1);
    expect(Number(total)).toBeGreaterThanOrEqual(2);
  });

  await test.step("the step durations table has the transcription step", async () => {
    const rows = await tableRows(page, "Step durations");
    expect(rows.map((row) => row[0])).toContain("Transcribe · Transcribing");
  });

  await test.step("the 24 h range counts by the hour", async () => {
    await page.getByRole("group", { name: "Range" }).getByRole("button", { name: "24 h" }).click();
    await expect(page).toHaveURL(/\/overview\?range=24h$/);
    const rows = await tableRows(page, "Transcribe jobs per hour");
    expect(rows).toHaveLength(24);
    expect(Number(rows[rows.length - 1][5])).toBeGreaterThanOrEqual(2);
  });

  await test.step("a custom range checks its dates", async () => {
    await page.getByRole("group", { name: "Range" }).getByRole("button", { name: "Custom" }).click();
    await page.getByLabel("From").fill("2026-11-30");
    await page.getByLabel("to", { exact: true }).fill("2026-11-01");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page.getByText("The end date must not be before the start date")).toBeVisible();
  });

  await test.step("first-load JS of the overview stays within 230 kB gzip (printed)", async () => {
    await page.goto("/overview");
    // What a modern browser downloads: every script but the nomodule polyfills, gzip-compressed.
    const sources = await page
      .locator("script[src]:not([nomodule])")
      .evaluateAll((scripts) => scripts.map((script) => (script as HTMLScriptElement).src));
    let gzipped = 0;
    for (const src of new Set(sources))
      gzipped += gzipSync(await (await page.request.get(src)).body(), { level: 9 }).length;
    console.log(`overview first-load JS: ${(gzipped / 1024).toFixed(1)} kB gzip in ${new Set(sources).size} scripts`);
    expect(gzipped).toBeLessThanOrEqual(230 * 1024);
  });

  for (const scheme of ["light", "dark"] as const) {
    await test.step(`${scheme}: accessible, screenshotted`, async () => {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/overview");
      await expect(page.getByTestId("stat-jobs")).toBeVisible();
      await page.screenshot({ path: screenshotPath(`page-overview-${scheme}`), fullPage: true });
      const findings = await findViolations(page);
      expect(findings, describeViolations(findings)).toEqual([]);
    });
  }
});
