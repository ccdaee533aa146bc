import { createHmac, randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, screenshotPath, signUp, test } from "./fixtures";
import { startVendor, type Vendor } from "./vendor-simulator";
import { VENDOR_URL } from "./vendor-url";

// Connecting a vendor that signs each way, as a user who only reads Settings → Inbound webhook:
// the simulator (started here, one per test) signs as SIMULATOR_SIGNING would, sends every event
// twice (at-least-once, re-signed), and rotates its secret halfway.

const media = (name: string) => `https://media.example.com/inbound/${name}.mp4`;
const vendors: Vendor[] = [];
test.afterEach(async () => {
  for (const vendor of vendors.splice(0)) await vendor.close();
});

async function signUpFresh(page: Page, label: string): Promise<void> {
  await signUp(page, {
    email: `inbound-${label}-${randomBytes(4).toString("hex")}@example.com`,
    workspaceName: `Vendor ${label}`,
  });
  await page.goto("/settings");
}

/** The secret a vendor's Settings page shows: any text (it is not whsec_ for a vendor's own scheme). */
const vendorSecret = () => `vnd_${randomBytes(18).toString("hex")}`;

async function revealed(page: Page, name: string): Promise<string> {
  await page.getByRole("button", { name: `Reveal ${name.toLowerCase()}` }).click();
  const value = page.locator(`output[aria-label="${name}"]`);
  // Neither the mask nor the spinner shown while it loads: the value itself.
  await expect(value).toHaveText(/^[^•\s]+$/);
  return (await value.textContent()) ?? "";
}

async function saveVerification(page: Page): Promise<void> {
  await page.getByRole("button", { name: "Update verification" }).click();
  await expect(page.getByText("Verification updated.")).toBeVisible();
}

/**
 * Connects the workspace to the vendor as its Jobs API (Settings → Connection), as a user does
 * besides pasting the webhook URL: the output links of completed jobs are on the vendor's origin,
 * which the portal accepts only from the workspace's own Jobs API. Leaves the page on Settings.
 */
async function connectToVendor(page: Page, vendor: Vendor): Promise<void> {
  await page.goto("/settings");
  await page.getByRole("combobox", { name: "Base URL" }).selectOption(VENDOR_URL);
  await page.getByLabel("API key", { exact: true }).fill(vendor.apiKey);
  await page.getByRole("button", { name: "Save", exact: true }).click();
  await expect(page.getByText("Connection saved.")).toBeVisible();
  await page.reload();
}

/** Waits for the job on the Jobs page, then checks its stored events: every status once, duplicates recognised. */
async function expectJobArrived(page: Page, jobId: string, status: string, events: number): Promise<void> {
  await page.goto("/jobs");
  await expect(page.locator(`[data-testid="job-row"][data-job-id="${jobId}"]`).getByTestId("job-status")).toHaveText(
    status,
    { timeout: 30_000 },
  );
  await expect
    .poll(
      async () =>
        ((await (await page.request.get(`/api/jobs/${jobId}`)).json()) as { eventCounts: { total: number } })
          .eventCounts.total,
      { timeout: 10_000 },
    )
    .toBe(events);
}

test.describe("Connecting a vendor, each way it may sign", () => {
  test("Standard Webhooks: the portal's secret pasted into the sender", async ({ page }) => {
    await signUpFresh(page, "standard");
    const url = await page.getByRole("textbox", { name: "Webhook URL" }).inputValue();
    const secret = await revealed(page, "Signing secret");
    expect(secret).toMatch(/^whsec_/);
    const vendor = await startVendor({ url, secret, signing: "standard" }, { duplicateRate: 1 });
    vendors.push(vendor);
    await connectToVendor(page, vendor);

    await test.step("jobs arrive, each event once", async () => {
      await expectJobArrived(page, vendor.createJob("transcribe", media("standard-1")), "Transcribed", 3);
    });
    await test.step("a rotation: the old secret keeps working for the overlap, then the new one", async () => {
      await page.goto("/settings");
      await page.getByRole("button", { name: "Rotate secret" }).click();
      await page
        .getByRole("dialog", { name: "Rotate the signing secret?" })
        .getByRole("button", { name: "Rotate secret" })
        .click();
      await expect(page.getByText("The previous secret is still accepted until")).toBeVisible();
      const rotated = await revealed(page, "Signing secret");
      expect(rotated).not.toBe(secret);
      await expectJobArrived(page, vendor.createJob("transcribe", media("standard-2")), "Transcribed", 3);
      vendor.sim.setWebhookTarget({ url, secret: rotated, signing: "standard" });
      await expectJobArrived(page, vendor.createJob("transcribe", media("standard-3")), "Transcribed", 3);
    });
  });

  test("HMAC, GitHub-like: refused until connected, then the vendor's retries get in", async ({ page }) => {
    await signUpFresh(page, "hmac-hex");
    const url = await page.getByRole("textbox", { name: "Webhook URL" }).inputValue();
    const secret = vendorSecret();
    const vendor = await startVendor({ url, secret, signing: "hmac-hex" }, { duplicateRate: 1 });
    vendors.push(vendor);
    await connectToVendor(page, vendor);
    const early = vendor.createJob("transcribe", media("hmac-hex-1"));

    await test.step("before it is connected, the refused list says why and which headers came", async () => {
      const row = page.getByTestId("refusal-row").first();
      await expect(row).toContainText("Missing header", { timeout: 20_000 });
      await row.locator("summary").click();
      await expect(row.getByRole("list", { name: "Headers present" })).toContainText("x-hub-signature-256");
    });
    await test.step("the user picks the GitHub-like shape and pastes the vendor's secret", async () => {
      await page.getByLabel("HMAC signature header").check();
      await page.getByRole("button", { name: /GitHub-like/ }).click();
      await expect(page.getByTestId("hmac-expectation")).toHaveText(
        "Expects X-Hub-Signature-256: sha256=<hex HMAC-SHA256 of the raw body>",
      );
      await page.getByLabel("Secret from the Jobs API").fill(secret);
      await saveVerification(page);
      await expect(page.getByTestId("verification-method")).toHaveText("Verified by: HMAC signature header");
      await page.screenshot({ path: screenshotPath("settings-inbound-hmac"), fullPage: true });
      await expectAccessible(page, "settings, HMAC verification");
    });
    await test.step("the retried events and new jobs arrive, once each", async () => {
      await expectJobArrived(page, early, "Transcribed", 3);
      await expectJobArrived(page, vendor.createJob("transcribe", media("hmac-hex-2")), "Transcribed", 3);
    });
    await test.step("the vendor rotates its secret: pasted here, the old one still works for the overlap", async () => {
      const next = vendorSecret();
      await page.goto("/settings");
      await page.getByLabel("Secret from the Jobs API").fill(next);
      await saveVerification(page);
      await expect(page.getByText("The previous secret is still accepted until")).toBeVisible();
      await expectJobArrived(page, vendor.createJob("transcribe", media("hmac-hex-3")), "Transcribed", 3);
      vendor.sim.setWebhookTarget({ url, secret: next, signing: "hmac-hex" });
      await expectJobArrived(page, vendor.createJob("transcribe", media("hmac-hex-4")), "Transcribed", 3);
    });
  });

  test("HMAC, base64 over {timestamp}.{body}: entered field by field", async ({ page }) => {
    await signUpFresh(page, "hmac-base64-ts");
    const url = await page.getByRole("textbox", { name: "Webhook URL" }).inputValue();
    const secret = vendorSecret();
    await page.getByLabel("HMAC signature header").check();
    await page.getByLabel("Signature header", { exact: true }).fill("X-Signature");
    await page.getByLabel("Prefix").fill("");
    await page.getByLabel("Encoding").selectOption("base64");
    await page.getByLabel("Signed content").selectOption("timestamp_body");
    await page.getByLabel("Timestamp header").fill("X-Signature-Timestamp");
    await page.getByLabel("Secret from the Jobs API").fill(secret);
    await expect(page.getByTestId("hmac-expectation")).toContainText(
      'X-Signature: <base64 HMAC-SHA256 of "{timestamp}.{body}">',
    );
    await saveVerification(page);

    // Every event is sent twice, each copy with its own signing timestamp: no event id, so the payload is the key.
    const vendor = await startVendor({ url, secret, signing: "hmac-base64-ts" }, { duplicateRate: 1 });
    vendors.push(vendor);
    await connectToVendor(page, vendor);
    await expectJobArrived(page, vendor.createJob("dub", media("hmac-b64-1")), "Merged", 9);
    const next = vendorSecret();
    await page.goto("/settings");
    await page.getByLabel("Secret from the Jobs API").fill(next);
    await saveVerification(page);
    await expectJobArrived(page, vendor.createJob("transcribe", media("hmac-b64-2")), "Transcribed", 3);
    vendor.sim.setWebhookTarget({ url, secret: next, signing: "hmac-base64-ts" });
    await expectJobArrived(page, vendor.createJob("transcribe", media("hmac-b64-3")), "Transcribed", 3);
  });

  test("Secret URL token, for a vendor that signs nothing", async ({ page }) => {
    await signUpFresh(page, "none");
    await page.getByLabel("Secret URL token").check();
    await expect(page.getByText("There is no overlap between methods")).toBeVisible();
    await saveVerification(page);
    await expect(page.getByText("What a secret URL does and does not protect")).toBeVisible();
    const url = await revealed(page, "Webhook URL");
    expect(url).toMatch(/\/api\/webhooks\/[^/]+\/[A-Za-z0-9_-]{43}$/);
    await page.screenshot({ path: screenshotPath("settings-inbound-url-token"), fullPage: true });
    await expectAccessible(page, "settings, URL token verification");

    const vendor = await startVendor({ url, signing: "none" }, { duplicateRate: 1 });
    vendors.push(vendor);
    await connectToVendor(page, vendor);
    await expectJobArrived(page, vendor.createJob("transcribe", media("token-1")), "Transcribed", 3);

    await page.goto("/settings");
    await page.getByRole("button", { name: "Rotate URL" }).click();
    await page
      .getByRole("dialog", { name: "Rotate the webhook URL?" })
      .getByRole("button", { name: "Rotate URL" })
      .click();
    await expect(page.getByText("The previous URL is still accepted until")).toBeVisible();
    const rotated = await revealed(page, "Webhook URL");
    expect(rotated).not.toBe(url);
    await expectJobArrived(page, vendor.createJob("transcribe", media("token-2")), "Transcribed", 3);
    vendor.sim.setWebhookTarget({ url: rotated, signing: "none" });
    await expectJobArrived(page, vendor.createJob("transcribe", media("token-3")), "Transcribed", 3);
    // The plain URL proves nothing for this workspace.
    const plain = rotated.replace(/\/[^/]+$/, "");
    const refused = await page.request.post(plain, { data: { event: "job.created" } });
    expect(refused.status()).toBe(401);
  });
});

test("a refused request explains itself, and the tester checks a pasted one without storing it", async ({ page }) => {
  await signUpFresh(page, "tester");
  const secret = vendorSecret();
  await page.getByLabel("HMAC signature header").check();
  await page.getByRole("button", { name: /GitHub-like/ }).click();
  await page.getByLabel("Secret from the Jobs API").fill(secret);
  await saveVerification(page);
  const url = await page.getByRole("textbox", { name: "Webhook URL" }).inputValue();

  const body = JSON.stringify({
    event: "job.completed",
    timestamp: "2025-12-07T12:34:56Z",
    data: {
      jobId: "job_tester_1",
      status: "transcribed",
      apiProduct: "transcribe",
      outputs: [
        {
          url: "https://s3.amazonaws.com/bucket/path.srt?X-Amz-Signature=topsecret",
          expiresAt: "2025-12-07T13:34:56Z",
          sizeBytes: 12,
        },
      ],
    },
  });
  const good = `sha256=${createHmac("sha256", secret).update(body).digest("hex")}`;

  await test.step("a tampered request is refused with 401 and listed with what was signed", async () => {
    const response = await page.request.post(url, {
      headers: { "content-type": "application/json", "x-hub-signature-256": good },
      data: body.replace("12}", "13}"),
    });
    expect(response.status()).toBe(401);
    const row = page.getByTestId("refusal-row").first();
    await expect(row).toContainText("Signature mismatch", { timeout: 20_000 });
    await row.locator("summary").click();
    await expect(row.getByTestId("signing-string")).toContainText('"sizeBytes":13');
    await expect(row.getByTestId("signing-string")).not.toContainText("topsecret");
    await expect(row.getByTestId("signature-diagnostics")).toContainText(
      `Received${good.slice(0, 11)}…${good.slice(-4)}`,
    );
    await expectAccessible(page, "settings, a refused request open");
  });

  await test.step("the tester accepts the genuine request and stores nothing", async () => {
    await page
      .getByLabel("Headers", { exact: true })
      .fill(`POST /api/webhooks/x HTTP/1.1\nContent-Type: application/json\nX-Hub-Signature-256: ${good}`);
    await page.getByLabel("Body", { exact: true }).fill(body);
    await page.getByRole("button", { name: "Test request" }).click();
    await expect(page.getByText("This request would be accepted")).toBeVisible();
    // In a live region that was there before the verdict: a screen reader announces it.
    await expect(page.getByRole("status").filter({ hasText: "This request would be accepted" })).toBeAttached();
    await expect(page.getByTestId("tester-result")).toContainText("job_tester_1");
    await expectAccessible(page, "settings, the tester's verdict");
    const list = (await (await page.request.get("/api/jobs")).json()) as { jobs: unknown[] };
    expect(list.jobs).toHaveLength(0);
  });

  await test.step("and shows the signed string of a mismatch", async () => {
    await page.getByLabel("Body", { exact: true }).fill(body.replace("12}", "14}"));
    await page.getByRole("button", { name: "Test request" }).click();
    await expect(page.getByText("This request would be refused: Signature mismatch (HTTP 401)")).toBeVisible();
    await expect(page.getByRole("status").filter({ hasText: "This request would be refused" })).toBeAttached();
    await expectAccessible(page, "settings, the tester's refusal");
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      for (const section of ["Inbound webhook", "Verification", "Refused requests", "Test a request"]) {
        const name = section.toLowerCase().replace(/ /g, "-");
        await page
          .getByRole("region", { name: section })
          .screenshot({ path: screenshotPath(`settings-inbound-${name}-${scheme}`) });
      }
    }
  });
});
