import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { parseSrt } from "@/simulator/outputs/srt";
import { readZip } from "@/test/read-zip";
import { expectAccessible } from "./axe";
import { expect, ORIGIN, PORTAL_URL, screenshotPath, signUp, test } from "./fixtures";

// The Jobs page and the job page, against real jobs: the simulator walks them and sends real
// webhooks, the portal ingests them and pushes the changes to the open page.
const media = (name: string) => `https://media.example.com/e2e/${name}.mp4`;
const row = (page: Page, jobId: string) => page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`);

async function openJobs(page: Page, query = "") {
  await page.goto(`/jobs${query}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
}

/** Waits on the Jobs page until the job shows `status`, then opens it with a click on its row. */
async function openJob(page: Page, jobId: string, status: string) {
  await openJobs(page);
  await expect(row(page, jobId).getByTestId("job-status")).toHaveText(status);
  await row(page, jobId).getByRole("cell").nth(1).click();
  await expect(page).toHaveURL(new RegExp(`/w/[^/]+/jobs/${jobId}$`));
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(jobId);
}

test("simulated jobs appear and advance live on the Jobs page, without a reload", async ({
  signedInPage: page,
  simulator,
}) => {
  await openJobs(page);
  await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));
  const { jobId } = await simulator.createJob("dub", { mediaUrl: media("live"), targetLanguage: "es" });

  await test.step("the new job appears at the top", async () => {
    await expect(row(page, jobId)).toBeVisible();
    await expect(page.getByTestId("job-row").first()).toHaveAttribute("data-job-id", jobId);
  });
  await test.step("and advances to completion in place", async () => {
    await expect(row(page, jobId).getByTestId("job-status")).toHaveText("Merged");
    await expect(row(page, jobId).getByRole("progressbar")).toHaveAttribute("aria-valuenow", "9");
  });
  expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
});

test("a job's timeline reaches completion; its SRT downloads and its link can be copied", async ({
  signedInPage: page,
  simulator,
}) => {
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const { jobId } = await simulator.createJob("transcribe", { mediaUrl: media("timeline"), sourceLanguage: "en" });
  await openJob(page, jobId, "Transcribed");

  await test.step("every step is done", async () => {
    const steps = page.getByTestId("timeline-step");
    await expect(steps).toHaveCount(3);
    for (const step of await steps.all()) await expect(step).toHaveAttribute("data-state", "done");
  });

  await test.step("Download gets a fresh link and saves the SRT", async () => {
    const downloading = page.waitForEvent("download");
    await page.getByRole("button", { name: `Download ${jobId}.srt` }).click();
    const download = await downloading;
    const text = await readFile((await download.path())!, "utf8");
    const parsed = parseSrt(text);
    expect(parsed.ok && parsed.cues.length).toBeGreaterThan(0);
  });

  await test.step("Copy link puts the stable portal link on the clipboard; the presigned one says when it expires", async () => {
    await page.getByRole("button", { name: `Copy link to ${jobId}.srt` }).click();
    await expect(page.getByRole("status").filter({ hasText: /Link copied\. It never expires/ })).toBeVisible();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toMatch(
      new RegExp(`^${PORTAL_URL}/w/[^/]+/jobs/${jobId}/outputs/0$`),
    );
    await page.getByLabel("Links valid for").selectOption({ label: "15 minutes" });
    await page.getByRole("button", { name: `Copy presigned link to ${jobId}.srt` }).click();
    await expect(page.getByRole("status").filter({ hasText: /Link copied\. It expires in 15 minutes/ })).toBeVisible();
    await expectAccessible(page, "job, a link copied");
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    expect(copied).toMatch(new RegExp(`/files/${jobId}/.+X-Amz-Expires=900`));
  });
});

test("Download all gives one zip with every translate file, in order", async ({ signedInPage: page, simulator }) => {
  const { jobId } = await simulator.createJob("translate", { mediaUrl: media("translate"), targetLanguage: "fr" });
  await openJob(page, jobId, "Translated");
  const outputs = page.getByTestId("job-output");
  const count = await outputs.count();
  expect(count).toBeGreaterThanOrEqual(2);
  await expect(outputs.first()).toContainText(`${jobId}-0.srt`);

  const downloading = page.waitForEvent("download");
  await page.getByRole("button", { name: "Download all (.zip)" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toBe(`${jobId}.zip`);
  const entries = readZip(await readFile((await download.path())!));
  expect(entries.map((entry) => entry.name)).toEqual(Array.from({ length: count }, (_, i) => `${jobId}-${i}.srt`));
  for (const entry of entries) expect(parseSrt(entry.data.toString("utf8")).ok).toBe(true);

  await page.screenshot({ path: screenshotPath("job-completed"), fullPage: true });
  await expectAccessible(page, "job, completed with several outputs");
});

test("filters, search and sort live in the URL and change the rows", async ({ signedInPage: page, simulator }) => {
  const transcribe = await simulator.createJob("transcribe", { mediaUrl: media("filters-a") });
  const dub = await simulator.createJob("dub", { mediaUrl: media("filters-b"), targetLanguage: "de" });
  await openJobs(page);
  await expect(row(page, dub.jobId).getByTestId("job-status")).toHaveText("Merged");
  await expect(row(page, transcribe.jobId).getByTestId("job-status")).toHaveText("Transcribed");

  await test.step("state tabs, by click and by arrow keys", async () => {
    await page.getByRole("tab", { name: /^Completed/ }).click();
    await expect(page).toHaveURL(/[?&]state=completed/);
    for (const status of await page.getByTestId("job-status").allTextContents())
      expect(["Transcribed", "Translated", "Merged"]).toContain(status);
    await expectAccessible(page, "jobs, the Completed tab");
    await page.keyboard.press("ArrowRight");
    await expect(page.getByRole("tab", { name: /^Failed/ })).toHaveAttribute("aria-selected", "true");
    await expect(page).toHaveURL(/[?&]state=failed/);
    await page.getByRole("tab", { name: /^All/ }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/jobs$/);
  });

  await test.step("product filter", async () => {
    await page.getByLabel("Filter by product").selectOption("dub");
    await expect(page).toHaveURL(/[?&]apiProduct=dub/);
    await expect(row(page, dub.jobId)).toBeVisible();
    await expect(row(page, transcribe.jobId)).toHaveCount(0);
    await page.getByLabel("Filter by product").selectOption("");
  });

  await test.step("search by job id prefix, kept across a reload", async () => {
    const prefix = transcribe.jobId.slice(0, 12);
    await page.getByLabel("Search by job id").fill(prefix);
    await expect(page).toHaveURL(new RegExp(`[?&]q=${prefix}`));
    await expect(page.getByTestId("job-row")).toHaveCount(1);
    await page.reload();
    await expect(page.getByLabel("Search by job id")).toHaveValue(prefix);
    await expect(row(page, transcribe.jobId)).toBeVisible();
    await page.getByLabel("Search by job id").fill("job_nothing_matches");
    await expect(page.getByText("No matching jobs")).toBeVisible();
    await expectAccessible(page, "jobs, no match");
    await page.getByRole("button", { name: "Clear filters" }).click();
    await expect(page).toHaveURL(/\/w\/[^/]+\/jobs$/);
  });

  await test.step("sort, and Enter on a job id opens it", async () => {
    await page.getByLabel("Sort").selectOption("oldest");
    await expect(page).toHaveURL(/[?&]sort=oldest/);
    await expect(page.getByTestId("job-row").first()).not.toHaveAttribute("data-job-id", dub.jobId);
    await page.getByLabel("Sort").selectOption("newest");
    await page.getByRole("link", { name: dub.jobId }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/w/[^/]+/jobs/${dub.jobId}$`));
  });
});

test("failed and rejected jobs say at which step and why", async ({ signedInPage: page, simulator }) => {
  const failed = await simulator.createJob("dub", { mediaUrl: media("fail-interview"), targetLanguage: "es" });
  const rejected = await simulator.createJob("transcribe", { mediaUrl: media("reject-oversized") });

  await test.step("failed", async () => {
    await openJob(page, failed.jobId, "Failed");
    await expect(page.getByRole("alert").filter({ hasText: /Failed while \w+ing/ })).toBeVisible();
    await expect(page.getByTestId("failure-reason")).toHaveText(/failed: .+/);
    await expect(page.locator('[data-testid="timeline-step"][data-state="failed"]')).toHaveCount(1);
    await expect(page.getByText("This job did not complete, so it has no output files.")).toBeVisible();
    await page.screenshot({ path: screenshotPath("job-failed"), fullPage: true });
    await expectAccessible(page, "job, failed");
  });

  await test.step("rejected", async () => {
    await openJob(page, rejected.jobId, "Rejected");
    await expect(page.getByRole("status").filter({ hasText: "Rejected before processing started" })).toBeVisible();
    await expect(page.getByTestId("failure-reason")).not.toBeEmpty();
    await expectAccessible(page, "job, rejected");
  });
});

test("another workspace's member gets 404 for the job, on the page and the API", async ({
  signedInPage: page,
  simulator,
  browser,
}) => {
  const { jobId } = await simulator.createJob("transcribe", { mediaUrl: media("private") });
  await openJobs(page);
  await expect(row(page, jobId)).toBeVisible();

  const context = await browser.newContext({ baseURL: PORTAL_URL });
  const stranger = await context.newPage();
  await signUp(stranger, { email: `stranger-${Date.now()}@example.com`, workspaceName: "Elsewhere" });
  const response = await stranger.goto(`/jobs/${jobId}`);
  expect(response?.status()).toBe(404);
  await expect(stranger.getByRole("heading", { name: "Job not found" })).toBeVisible();
  await expectAccessible(stranger, "job not found");

  const api = await stranger.request.get(`/api/jobs/${jobId}`);
  expect(api.status()).toBe(404);
  expect(await api.json()).toEqual({ error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } });
  const links = await stranger.request.post(`/api/jobs/${jobId}/download`, { data: {}, headers: ORIGIN });
  expect(links.status()).toBe(404);
  await context.close();
});

test("screenshots of the Jobs page, light and dark", async ({ signedInPage: page, simulator }) => {
  await simulator.createJob("voiceover", {
    mediaUrl: media("promo"),
    srtContent: "1\n00:00:00,000 --> 00:00:02,000\nHello there\n",
  });
  await simulator.createJob("translate", { mediaUrl: media("fail-lecture"), targetLanguage: "it" });
  const last = await simulator.createJob("dub", { mediaUrl: media("trailer"), targetLanguage: "pt-BR" });
  await openJobs(page);
  await expect(row(page, last.jobId).getByTestId("job-status")).toHaveText("Merged");
  await page.screenshot({ path: screenshotPath("jobs"), fullPage: true });
  await expectAccessible(page, "jobs");

  await page.emulateMedia({ colorScheme: "dark" });
  await page.evaluate(() => localStorage.removeItem("theme"));
  await openJobs(page);
  await expect(page.locator("html")).toHaveClass(/dark/);
  await page.screenshot({ path: screenshotPath("jobs-dark"), fullPage: true });
});
