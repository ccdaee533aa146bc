import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { tableRows } from "./chart-table";
import { expect, screenshotPath, signUp, test } from "./fixtures";
import { startVendor, type Vendor } from "./vendor-simulator";
import { VENDOR_URL } from "./vendor-url";

// A stuck job, the way a team meets one: a workspace connected to its Jobs API (a simulator this
// test starts) has a history of transcriptions, then one job goes quiet at `transcribing` — the
// simulator's stall control: no next status, no event. Its step is overdue by the workspace's own
// history (p95 of twenty fast jobs × 1.5 — a second or two at the simulator's speed), so the Jobs
// list, the Stuck filter, the job page and the overview all say so within seconds.
const media = (name: string) => `https://media.example.com/stuck/${name}.mp4`;
const HISTORY = 20; // MIN_SAMPLES: from here the workspace's own p95 replaces the 30-minute default

async function revealSecret(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: `Reveal ${name.toLowerCase()}` }).click();
  const value = page.locator(`output[aria-label="${name}"]`);
  await expect(value).toHaveText(/^[^•\s]+$/);
  return (await value.textContent()) ?? "";
}

/** Creates a transcription and stalls it the moment it reports `transcribing` (before its next step is due). */
function createStalledJob(vendor: Vendor): Promise<string> {
  return new Promise((resolve) => {
    let jobId = "";
    const unsubscribe = vendor.sim.onStatusChange((payload) => {
      if (payload.data.jobId !== jobId || payload.data.status !== "transcribing") return;
      vendor.sim.stallJob(jobId);
      unsubscribe();
      resolve(jobId);
    });
    jobId = vendor.createJob("transcribe", media("stalled-lecture"));
  });
}

test("a job that goes quiet upstream is marked stuck on the Jobs list, the Stuck filter, its page and the overview", async ({
  page,
}) => {
  test.setTimeout(240_000);
  let vendor: Vendor | null = null;
  try {
    await test.step("a workspace connected to its Jobs API", async () => {
      await signUp(page, { email: `stuck-${randomBytes(4).toString("hex")}@example.com`, workspaceName: "Stuck lab" });
      await page.goto("/settings");
      const url = await page.getByRole("textbox", { name: "Webhook URL" }).inputValue();
      const secret = await revealSecret(page, "Signing secret");
      vendor = await startVendor({ url, secret, signing: "standard" });
      await page.getByRole("combobox", { name: "Base URL" }).selectOption(VENDOR_URL);
      await page.getByLabel("API key", { exact: true }).fill(vendor.apiKey);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText("Connection saved.")).toBeVisible();
    });

    await test.step(`a history of ${HISTORY} transcriptions, all completed`, async () => {
      for (let i = 0; i < HISTORY; i++) vendor!.createJob("transcribe", media(`lecture-${i}`));
      // The tabs' exact counts (which read no expectations): each process keeps a workspace's
      // expectations for five minutes, so the Jobs pages open once the history is in — as they
      // would for a team that has been running jobs for a while. Asked from the page: the browser
      // retries a request on a keep-alive connection the server has just closed; Playwright's
      // request context does not.
      const completed = () =>
        page.evaluate(async () => {
          const counts = (await (await fetch("/api/jobs/counts")).json()) as { completed: { count: number } };
          return counts.completed.count;
        });
      await expect.poll(completed, { timeout: 60_000 }).toBe(HISTORY);
    });

    const stalled = await createStalledJob(vendor!);
    const stalledRow = page.locator(`[data-testid="job-row"][data-job-id="${stalled}"]`);

    await test.step("the Jobs list marks the quiet job, and only it, stuck", async () => {
      await page.goto("/jobs");
      await expect(stalledRow.getByTestId("job-status")).toHaveText("Transcribing", { timeout: 30_000 });
      await expect(stalledRow.getByTestId("stuck-badge")).toBeVisible({ timeout: 30_000 });
      await expect(page.getByTestId("job-row")).toHaveCount(HISTORY + 1);
      await expect(page.getByTestId("stuck-badge")).toHaveCount(1);
    });

    await test.step("the Stuck filter shows it and not the completed ones", async () => {
      const toggle = page.getByRole("button", { name: /^Stuck/ });
      // The count is asked again each minute, and at once when a row's badge appears (the page
      // may have loaded just before the job passed its expectation): within seconds, not a minute.
      await expect(toggle).toHaveText(/Stuck\s*1$/, { timeout: 10_000 });
      await toggle.click();
      await expect(page).toHaveURL(/stuck=true/);
      await expect(toggle).toHaveAttribute("aria-pressed", "true");
      await expect(page.getByTestId("job-row")).toHaveCount(1);
      await expect(stalledRow).toBeVisible();
      await page.screenshot({ path: screenshotPath("page-jobs-stuck"), fullPage: true });
    });

    await test.step("its page says how late it is, and by when the step was expected", async () => {
      await stalledRow.getByRole("link", { name: stalled }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(stalled);
      // Relative times tick every 15 s (components/ui/use-now.ts): the badge may wait for the next tick.
      await expect(page.getByTestId("stuck-badge")).toContainText(/Stuck\s*— usually done in .+; .+ so far/, {
        timeout: 30_000,
      });
      const current = page.locator('[data-testid="timeline-step"][data-state="current"]');
      await expect(current).toContainText("Transcribing");
      await expect(current.getByTestId("expected-by")).toContainText(/expected by .+/);
      await expectAccessible(page, "the job page of a stuck job");
      await page.screenshot({ path: screenshotPath("job-page-stuck"), fullPage: true });
    });

    await test.step("the overview shows the simulator's jobs and the stuck one", async () => {
      await page.getByRole("link", { name: "Overview", exact: true }).click();
      await expect(page.getByRole("heading", { name: "Overview", level: 1 })).toBeVisible();
      await expect(page.getByTestId("stat-jobs")).toHaveText(String(HISTORY + 1));
      await expect(page.getByTestId("stat-stuck")).toHaveText("1");
      const [today] = (await tableRows(page, "Transcribe jobs per day")).slice(-1);
      const [, completed, failed, rejected, inProgress, total] = today;
      expect({ completed, failed, rejected, inProgress, total }).toEqual({
        completed: String(HISTORY),
        failed: "0",
        rejected: "0",
        inProgress: "1",
        total: String(HISTORY + 1),
      });
      const steps = await tableRows(page, "Step durations");
      const transcribing = steps.find((row) => row[0] === "Transcribe · Transcribing");
      expect(Number(transcribing?.[1])).toBeGreaterThanOrEqual(HISTORY);
      // A workflow's last status has no duration, so it has no row.
      expect(steps.map((row) => row[0])).not.toContain("Transcribe · Transcribed");

      await page.getByRole("link", { name: "1 stuck now" }).click();
      await expect(page).toHaveURL(/\/jobs\?stuck=true$/);
      await expect(page.getByTestId("job-row")).toHaveCount(1);
      await expect(stalledRow).toBeVisible();
    });

    await test.step("the overview, light and dark, wide and narrow: accessible, screenshotted", async () => {
      for (const scheme of ["light", "dark"] as const) {
        await page.emulateMedia({ colorScheme: scheme });
        for (const width of [1280, 390]) {
          await page.setViewportSize({ width, height: width > 400 ? 900 : 844 });
          await page.goto("/overview");
          await expect(page.locator("html")).toHaveClass(scheme === "dark" ? /dark/ : /^(?!.*dark)/);
          await expect(page.getByTestId("stat-stuck")).toHaveText("1");
          await page.screenshot({ path: screenshotPath(`page-overview-stuck-${scheme}-${width}`), fullPage: true });
          await expectAccessible(page, `the overview (${scheme}, ${width} px)`);
        }
      }
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize({ width: 1440, height: 900 });
    });

    await test.step("resumed upstream, it completes and is no longer stuck", async () => {
      await page.goto(`/jobs/${stalled}`);
      await expect(page.getByTestId("stuck-badge")).toBeVisible({ timeout: 30_000 });
      vendor!.sim.resumeJob(stalled);
      await expect(page.getByTestId("job-status")).toHaveText("Transcribed", { timeout: 30_000 });
      await expect(page.getByTestId("stuck-badge")).toBeHidden();
      // Its subtitles come through the Jobs API's download-result: shown before the simulator stops.
      await expect(page.getByTestId("subtitle-preview")).toBeVisible({ timeout: 30_000 });
    });
  } finally {
    await (vendor as Vendor | null)?.close();
  }
});
