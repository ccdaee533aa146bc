import { readFile } from "node:fs/promises";
import { expect, screenshotPath, test } from "./fixtures";

// The Jobs toolbar's exact-status and created-date filters, the Stuck toggle, and Export CSV of
// what they match, against real simulated jobs.
const media = (name: string) => `https://media.example.com/e2e/${name}.mp4`;

test("filters by exact status and created date, and exports what matches as CSV", async ({
  signedInPage: page,
  simulator,
}) => {
  const failed = await simulator.createJob("transcribe", { mediaUrl: media("fail-export"), sourceLanguage: "en" });
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/jobs/${failed.jobId}`)).json()) as { job?: { status: string } }).job
          ?.status,
      { timeout: 30_000 },
    )
    .toBe("failed");

  await page.goto("/jobs");
  await page.getByRole("combobox", { name: "Filter by status" }).selectOption("failed");
  await expect(page).toHaveURL(/status=failed/);
  const today = new Date().toISOString().slice(0, 10);
  await page.getByLabel("Created from").fill(today);
  await expect(page).toHaveURL(new RegExp(`createdFrom=${today}`));
  const row = page.locator(`[data-testid="job-row"][data-job-id="${failed.jobId}"]`);
  await expect(row).toBeVisible();
  // The unfiltered rows stay (dimmed, aria-busy) until the filtered answer arrives: wait for it.
  await expect
    .poll(async () => [...new Set(await page.getByTestId("job-status").allTextContents())])
    .toEqual(["Failed"]);
  await page.screenshot({ path: screenshotPath("page-jobs-filtered"), fullPage: true });

  const downloading = page.waitForEvent("download");
  await page.getByRole("link", { name: "Export CSV" }).click();
  const download = await downloading;
  expect(download.suggestedFilename()).toMatch(/^jobs-\d{4}-\d{2}-\d{2}\.csv$/);
  const lines = (await readFile((await download.path())!, "utf8")).trimEnd().split("\r\n");
  expect(lines[0]).toBe(
    "jobId,apiProduct,status,state,createdAt,updatedAt,completedAt,durationSeconds,cost,wordCount,failureReason",
  );
  expect(lines.some((line) => line.startsWith(`${failed.jobId},transcribe,failed,failed,`))).toBe(true);
  for (const line of lines.slice(1)) expect(line.split(",")[2]).toBe("failed");

  await test.step("the Stuck toggle filters too; a job that just failed is not stuck", async () => {
    await page.getByRole("button", { name: /^Stuck/ }).click();
    await expect(page).toHaveURL(/stuck=true/);
    await expect(row).toBeHidden();
  });
});
