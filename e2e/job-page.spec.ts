import { execFile } from "node:child_process";
import { randomBytes } from "node:crypto";
import { createServer, type IncomingHttpHeaders, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { promisify } from "node:util";
import type { Locator, Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { describeViolations, findViolations } from "./axe";
import { expect, screenshotPath, signUp, test } from "./fixtures";
import { startVendor, type Vendor } from "./vendor-simulator";
import { VENDOR_URL } from "./vendor-url";

// The job page as the one place to understand a job, the way a user gets there: a workspace
// connected to its Jobs API (a simulator this test starts, with a clock it can move), an endpoint
// added in Settings → Webhooks whose server fails each event twice before taking it, and jobs
// that run while the page is open.
const media = (name: string) => `https://media.example.com/job-page/${name}.mp4`;

interface Received {
  headers: IncomingHttpHeaders;
  body: string;
  status: number;
}

/** A receiver that answers 503 (Retry-After: 1) to the first two tries of each webhook-id, then 200. */
async function startFlakyReceiver(): Promise<{ url: string; requests: Received[]; close: () => Promise<void> }> {
  const requests: Received[] = [];
  const tries = new Map<string, number>();
  const server: Server = createServer((request, response) => {
    const chunks: Buffer[] = [];
    request.on("data", (chunk: Buffer) => chunks.push(chunk));
    request.on("end", () => {
      const id = String(request.headers["webhook-id"]);
      const attempt = (tries.get(id) ?? 0) + 1;
      tries.set(id, attempt);
      const status = attempt <= 2 ? 503 : 200;
      requests.push({ headers: request.headers, body: Buffer.concat(chunks).toString("utf8"), status });
      response
        .writeHead(status, { "content-type": "application/json", ...(status === 503 ? { "retry-after": "1" } : {}) })
        .end(JSON.stringify(status === 503 ? { error: "warming up", attempt } : { received: true, attempt }));
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hooks/jobs`,
    requests,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

const jobIdOf = (request: Received) => (JSON.parse(request.body) as { data?: { jobId?: string } }).data?.jobId;

async function expectAccessible(page: Page, what: string): Promise<void> {
  const findings = await findViolations(page);
  expect(findings, `${what}:\n${describeViolations(findings)}`).toEqual([]);
}

async function revealSecret(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: `Reveal ${name.toLowerCase()}` }).click();
  const value = page.locator(`output[aria-label="${name}"]`);
  await expect(value).toHaveText(/^[^•\s]+$/);
  return (await value.textContent()) ?? "";
}

/** The job's event of this type on the timeline (its first report). */
const timelineEvent = (page: Page, type: string): Locator =>
  page
    .getByTestId("job-event")
    .filter({ has: page.getByText(type, { exact: true }) })
    .first();

test("the job page: two-hop timeline live, delivery debugger, Copy as cURL, replay, previews and a stable link", async ({
  page,
}) => {
  test.setTimeout(300_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  let skewMs = 0;
  const receiver = await startFlakyReceiver();
  let vendor: Vendor | null = null;
  try {
    let endpointSecret = "";
    let endpointUrl = "";
    await test.step("a workspace connected to its Jobs API, with an endpoint of its own", async () => {
      await signUp(page, {
        email: `job-page-${randomBytes(4).toString("hex")}@example.com`,
        workspaceName: "Job page lab",
      });
      await page.goto("/settings");
      const url = await page.getByRole("textbox", { name: "Webhook URL" }).inputValue();
      const secret = await revealSecret(page, "Signing secret");
      vendor = await startVendor({ url, secret, signing: "standard" }, {}, () => Date.now() + skewMs);
      await page.getByRole("combobox", { name: "Base URL" }).selectOption(VENDOR_URL);
      await page.getByLabel("API key", { exact: true }).fill(vendor.apiKey);
      await page.getByRole("button", { name: "Save", exact: true }).click();
      await expect(page.getByText("Connection saved.")).toBeVisible();

      await page.goto("/settings/webhooks");
      await page.getByRole("button", { name: "Add endpoint" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
      await dialog.getByLabel("Endpoint URL").fill(receiver.url);
      await dialog.getByRole("button", { name: "Add endpoint" }).click();
      await expect(page).toHaveURL(/\/settings\/webhooks\/[^/]+$/);
      endpointUrl = page.url();
      const value = page.getByTestId("secret-value");
      await page.getByRole("button", { name: "Reveal signing secret" }).click();
      await expect(value).toHaveText(/^whsec_[A-Za-z0-9+/=]+$/);
      endpointSecret = (await value.textContent())!;
    });

    const dub = vendor!.createJob("dub", media("interview"));
    await test.step("a dub job: all nine steps, each report's arrival and lag, and three attempts per event — live", async () => {
      await page.goto("/jobs");
      await page.locator(`[data-testid="job-row"][data-job-id="${dub}"]`).getByRole("link", { name: dub }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(dub);
      await page.evaluate(() => ((window as unknown as { notReloaded: boolean }).notReloaded = true));

      const steps = page.getByTestId("timeline-step");
      await expect(steps).toHaveCount(9);
      await expect(page.locator('[data-testid="timeline-step"][data-state="done"]')).toHaveCount(9, {
        timeout: 30_000,
      });
      for (const step of await steps.all()) {
        await expect(step.getByTestId("event-arrival").first()).toContainText(/Jobs API .+ portal .+/);
        await expect(step.getByTestId("arrival-lag").first()).toHaveText(/^(under 1s|\d+(\.\d)?s)$/);
      }
      const completed = timelineEvent(page, "job.completed");
      const attempts = completed.getByTestId("timeline-attempt");
      await expect(attempts).toHaveCount(3, { timeout: 30_000 });
      await expect(attempts.nth(0)).toHaveAttribute("data-status-code", "503");
      await expect(attempts.nth(1)).toHaveAttribute("data-status-code", "503");
      await expect(attempts.nth(2)).toHaveAttribute("data-status-code", "200");
      await expect(completed.getByTestId("event-delivery")).toHaveAttribute("data-status", "succeeded");
      // Every event of the job went the same way: two refusals, then accepted.
      await expect(page.locator('[data-testid="event-delivery"][data-status="succeeded"]')).toHaveCount(9, {
        timeout: 30_000,
      });
      expect(await page.evaluate(() => (window as unknown as { notReloaded?: boolean }).notReloaded)).toBe(true);
    });

    await test.step("the delivery debugger: the request as sent, the signed string, the answer", async () => {
      await timelineEvent(page, "job.completed").getByTestId("timeline-attempt").first().click();
      const dialog = page.getByRole("dialog", { name: "job.completed · attempt 1" });
      await expect(dialog.getByTestId("debug-request-body")).toContainText('"event":"job.completed"');
      await expect(dialog.getByTestId("debug-request-body")).toContainText("X-Amz-Signature=REDACTED");
      const sent = receiver.requests.find(
        (request) => jobIdOf(request) === dub && request.body.includes('"job.completed"'),
      )!;
      await expect(dialog.getByTestId("debug-signed-content")).toContainText(
        `${sent.headers["webhook-id"]}.${sent.headers["webhook-timestamp"]}.{`,
      );
      await expect(dialog.getByTestId("debug-response-body")).toContainText('"error":"warming up"');
      await expect(dialog.getByTestId("debug-request-headers")).toContainText("webhook-signature");
      await expectAccessible(page, "the delivery debugger");
      await page.screenshot({ path: screenshotPath("job-page-debugger") });

      await dialog.getByRole("button", { name: "Copy as cURL" }).click();
      const command = (await dialog.getByTestId("curl-command").textContent())!;
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(command);
      const before = receiver.requests.length;
      // Asynchronously: the receiver answering it runs in this very process.
      const { stdout: output } = await promisify(execFile)("bash", ["-c", command], {
        encoding: "utf8",
        timeout: 20_000,
      });
      expect(output).toMatch(/^HTTP\/1\.1 200/);
      const replayed = receiver.requests[before];
      expect(replayed.headers["webhook-id"]).toBe(sent.headers["webhook-id"]);
      const verified = new Webhook(endpointSecret).verify(replayed.body, {
        "webhook-id": String(replayed.headers["webhook-id"]),
        "webhook-timestamp": String(replayed.headers["webhook-timestamp"]),
        "webhook-signature": String(replayed.headers["webhook-signature"]),
      }) as { event: string; data: { jobId: string } };
      expect(verified).toMatchObject({ event: "job.completed", data: { jobId: dub } });
      await dialog.getByRole("button", { name: "Close" }).click();
      await expect(dialog).toBeHidden();
    });

    await test.step("the job page, light and dark, is accessible", async () => {
      await expectAccessible(page, "the job page (light)");
      await page.screenshot({ path: screenshotPath("job-page"), fullPage: true });
      await page.emulateMedia({ colorScheme: "dark" });
      await page.evaluate(() => localStorage.removeItem("theme"));
      await page.reload();
      await expect(page.locator("html")).toHaveClass(/dark/);
      await expect(page.getByTestId("timeline-attempt").first()).toBeVisible();
      await expectAccessible(page, "the job page (dark)");
      await page.screenshot({ path: screenshotPath("job-page-dark"), fullPage: true });
      await page.emulateMedia({ colorScheme: "light" });
    });

    let transcribe = "";
    await test.step("events that arrive while the endpoint is off are offered for replay when it is back on", async () => {
      await page.goto(endpointUrl);
      const enabled = page.getByRole("switch", { name: "Enabled" });
      await enabled.click();
      await expect(enabled).toHaveAttribute("aria-checked", "false");
      transcribe = vendor!.createJob("transcribe", media("lecture"));
      await expect
        .poll(
          async () =>
            ((await (await page.request.get(`/api/jobs/${transcribe}`)).json()) as { job?: { status: string } }).job
              ?.status,
          { timeout: 30_000 },
        )
        .toBe("transcribed");
      expect(receiver.requests.filter((request) => jobIdOf(request) === transcribe)).toEqual([]);

      await enabled.click();
      await expect(enabled).toHaveAttribute("aria-checked", "true");
      await expect(
        page.getByText("3 events were skipped while this endpoint was disabled — replay them?"),
      ).toBeVisible();
      await page.screenshot({ path: screenshotPath("endpoint-skipped-events") });
      await page.getByRole("button", { name: "Replay them" }).click();
      await expect(page.getByText("3 skipped events queued")).toBeVisible();
      await expect
        .poll(
          () => receiver.requests.filter((request) => jobIdOf(request) === transcribe && request.status === 200).length,
          { timeout: 30_000 },
        )
        .toBe(3);
    });

    await test.step("the SRT preview lists its cues, searchable", async () => {
      await page.goto(`/jobs/${transcribe}`);
      const preview = page.getByTestId("subtitle-preview");
      const cues = preview.getByTestId("subtitle-cue");
      await expect(cues.first()).toBeVisible();
      const total = await cues.count();
      expect(total).toBeGreaterThan(1);
      await expect(cues.first()).toContainText(/\d\d:\d\d:\d\d,\d{3} → \d\d:\d\d:\d\d,\d{3}/);
      const word = ((await cues.first().locator("span").nth(1).textContent()) ?? "")
        .split(/\s+/)
        .find((part) => part.length > 3)!;
      await preview.getByRole("searchbox", { name: /Search the subtitles/ }).fill(word);
      await expect(preview.getByTestId("cue-count")).toContainText(`of ${total} cues`);
      await expect(cues.first().locator("mark")).toHaveText(new RegExp(word, "i"));
      await expectAccessible(page, "the SRT preview");
      await page.screenshot({ path: screenshotPath("job-page-srt"), fullPage: true });
    });

    await test.step("the stable link still downloads after the presigned one expired", async () => {
      await page.getByLabel("Links valid for").selectOption({ label: "15 minutes" });
      await page.getByRole("button", { name: `Copy presigned link to ${transcribe}.srt` }).click();
      await expect(page.getByText(/It expires in 15 minutes/)).toBeVisible();
      const presigned = await page.evaluate(() => navigator.clipboard.readText());
      await page.getByRole("button", { name: `Copy link to ${transcribe}.srt` }).click();
      await expect(page.getByText(/Link copied\. It never expires/)).toBeVisible();
      const stable = await page.evaluate(() => navigator.clipboard.readText());
      expect(stable).toMatch(new RegExp(`/w/[^/]+/jobs/${transcribe}/outputs/0$`));

      expect((await page.request.get(presigned)).status()).toBe(200);
      skewMs = 2 * 3_600_000; // the Jobs API's clock, two hours on: the copied link has expired
      expect((await page.request.get(presigned)).status()).toBe(403);
      const opened = await page.request.get(stable);
      expect(opened.status()).toBe(200);
      expect(await opened.text()).toMatch(/^1\r?\n\d\d:\d\d:\d\d,\d{3} --> /);
    });
  } finally {
    await (vendor as Vendor | null)?.close();
    await receiver.close();
  }
});

test("keyboard: / searches, j and k move through the jobs, Enter opens one, Esc goes back, ? lists them", async ({
  signedInPage: page,
  simulator,
}) => {
  const older = await simulator.createJob("transcribe", { mediaUrl: media("keys-older") });
  const newer = await simulator.createJob("transcribe", { mediaUrl: media("keys-newer") });
  await page.goto("/jobs");
  const rows = page.getByTestId("job-row");
  await expect(rows.nth(0)).toHaveAttribute("data-job-id", newer.jobId);
  await expect(rows.nth(1)).toHaveAttribute("data-job-id", older.jobId);
  // Live: the page's scripts run (and its keys listen), not only its server-rendered rows show.
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");

  await test.step("? shows the shortcuts", async () => {
    await page.keyboard.press("?");
    const overlay = page.getByRole("dialog", { name: "Keyboard shortcuts" });
    await expect(overlay).toContainText("Next job in the list");
    await expectAccessible(page, "the shortcuts overlay");
    await page.keyboard.press("Escape");
    await expect(overlay).toBeHidden();
  });

  await test.step("/ focuses the search; typing there types", async () => {
    await page.keyboard.press("/");
    const search = page.getByLabel("Search by job id");
    await expect(search).toBeFocused();
    await page.keyboard.type("jk");
    await expect(search).toHaveValue("jk");
    await expect(page).toHaveURL(/[?&]q=jk/);
    await search.fill("");
    // The cleared search reaches the URL and the list a moment later: the keys move through
    // the rows once they are back.
    await expect(page).not.toHaveURL(/[?&]q=/);
    await expect(rows.nth(1)).toHaveAttribute("data-job-id", older.jobId);
    await page.getByRole("heading", { level: 1, name: "Jobs" }).click();
  });

  await test.step("j and k move, Enter opens, Esc comes back", async () => {
    await page.keyboard.press("j");
    await expect(page.getByRole("link", { name: newer.jobId })).toBeFocused();
    await page.keyboard.press("j");
    await expect(page.getByRole("link", { name: older.jobId })).toBeFocused();
    await page.keyboard.press("k");
    await expect(page.getByRole("link", { name: newer.jobId })).toBeFocused();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(new RegExp(`/w/[^/]+/jobs/${newer.jobId}$`));
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(newer.jobId);
    await page.keyboard.press("Escape");
    await expect(page).toHaveURL(/\/w\/[^/]+\/jobs$/);
  });
});
