import { randomBytes, randomUUID } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Page } from "@playwright/test";
import { Webhook } from "standardwebhooks";
import { parseSrt } from "@/simulator/outputs/srt";
import { expectAccessible } from "./axe";
import { expect, ORIGIN, screenshotPath, signUp, test } from "./fixtures";
import { expectFocusIn, expectVisibleFocus, focusInfo, tabTo } from "./keyboard";
import { startWebhookReceiver } from "./webhook-receiver";

// The portal without a mouse, without sight and without motion: a journey by keyboard alone, what
// live updates say to a screen reader, and a page that holds still when motion is reduced.
const media = (name: string) => `https://media.example.com/e2e/${name}.mp4`;

/** Opens the dialog `trigger` opens with Enter, checks it, closes it with Escape: focus goes in, then back. */
async function openAndEscape(page: Page, trigger: string, dialogName: string): Promise<void> {
  // The first: an empty list offers its own "Add endpoint" too.
  const button = page.getByRole("button", { name: trigger, exact: true }).first();
  await tabTo(page, button);
  await page.keyboard.press("Enter");
  const dialog = page.getByRole("dialog", { name: dialogName });
  await expectFocusIn(page, dialog);
  await expectAccessible(page, `dialog: ${dialogName}`);
  await page.keyboard.press("Escape");
  await expect(dialog).toBeHidden();
  await expect(button).toBeFocused();
  await expectVisibleFocus(page);
}

test("by keyboard alone: sign in, find a job, download it, add an endpoint, reveal and copy its secret, close every dialog with Escape", async ({
  page,
  stack,
  simulator,
}) => {
  test.setTimeout(180_000);
  await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
  const receiver = await startWebhookReceiver();
  let endpointId: string | undefined;
  try {
    await test.step("sign in", async () => {
      await page.goto("/sign-in");
      // The email field takes focus as the page opens.
      await expect(page.getByLabel("Email", { exact: true })).toBeFocused();
      await page.keyboard.type(stack.email);
      await tabTo(page, page.getByLabel("Password", { exact: true }));
      await page.keyboard.type(stack.password);
      await page.keyboard.press("Enter");
      // Signing in opens the overview; the Jobs page is then opened by its address (typed, as a
      // keyboard user does), so that the page starts with focus at its top, before the skip link.
      await expect(page).toHaveURL(/\/w\/[^/]+\/overview$/);
      await page.goto(page.url().replace(/\/overview$/, "/jobs"));
      await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    });

    const { jobId } = await simulator.createJob("transcribe", { mediaUrl: media("keyboard"), sourceLanguage: "en" });
    await test.step("a live update is announced: the new job, then its completion", async () => {
      await expect(page.getByTestId("live-announcement")).toContainText(`${jobId}: Transcribed`);
      await expectAccessible(page, "jobs");
    });

    await test.step("skip to the content, search by id and open the job", async () => {
      await page.keyboard.press("Tab");
      await expect(page.getByRole("link", { name: "Skip to content" })).toBeFocused();
      await expectVisibleFocus(page);
      await page.keyboard.press("Enter");
      await expect(page.locator("main")).toBeFocused();
      await tabTo(page, page.getByLabel("Search by job id"));
      await page.keyboard.type(jobId.slice(0, 14));
      await expect(page).toHaveURL(new RegExp(`[?&]q=${jobId.slice(0, 14)}`));
      await expect(page.getByTestId("job-row")).toHaveCount(1);
      await tabTo(page, page.getByRole("link", { name: jobId }));
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(new RegExp(`/w/[^/]+/jobs/${jobId}$`));
      await expect(page.getByTestId("job-output")).toHaveCount(1);
    });

    await test.step("download its output; focus stays on the button", async () => {
      const download = page.getByRole("button", { name: `Download ${jobId}.srt` });
      await tabTo(page, download);
      await page.screenshot({ path: screenshotPath("focus-download-button") });
      const downloading = page.waitForEvent("download");
      await page.keyboard.press("Enter");
      const parsed = parseSrt(await readFile((await (await downloading).path())!, "utf8"));
      expect(parsed.ok && parsed.cues.length).toBeGreaterThan(0);
      await expect(download).toBeFocused();
      await expectVisibleFocus(page);
      await expectAccessible(page, "job");
    });

    await test.step("to Settings → Webhooks through the navigation", async () => {
      await tabTo(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Settings" }), {
        backwards: true,
      });
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/w\/[^/]+\/settings$/);
      await tabTo(page, page.getByRole("link", { name: /Manage webhook endpoints/ }));
      await page.keyboard.press("Enter");
      await expect(page.getByRole("heading", { level: 1, name: "Webhooks" })).toBeVisible();
    });

    await test.step("add an endpoint: Escape closes the dialog, then it is added with Enter", async () => {
      await openAndEscape(page, "Add endpoint", "Add a webhook endpoint");
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
      await expectFocusIn(page, dialog);
      await expect(dialog.getByLabel("Endpoint URL")).toBeFocused();
      await page.screenshot({ path: screenshotPath("focus-dialog-input") });
      await page.keyboard.type(receiver.url);
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/\/w\/[^/]+\/settings\/webhooks\/[^/]+$/);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(receiver.url);
      endpointId = page.url().split("/").pop();
    });

    await test.step("reveal its secret, copy it; the copy is announced", async () => {
      await tabTo(page, page.getByRole("button", { name: "Reveal signing secret" }));
      await page.keyboard.press("Enter");
      const hide = page.getByRole("button", { name: "Hide signing secret" });
      await expect(hide).toBeFocused();
      await expect(page.getByTestId("secret-value")).toHaveText(/^whsec_[A-Za-z0-9+/=]+$/);
      const secret = await page.getByTestId("secret-value").textContent();
      await tabTo(page, page.getByRole("button", { name: "Copy signing secret" }));
      await page.keyboard.press("Enter");
      await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeAttached();
      expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(secret);
      await expectVisibleFocus(page);
      await expectAccessible(page, "endpoint");
    });

    await test.step("each dialog of the endpoint page takes focus and gives it back on Escape", async () => {
      await openAndEscape(page, "Rotate secret", "Rotate the signing secret?");
      await openAndEscape(page, "Replay failed…", "Replay failed deliveries");
      await openAndEscape(page, "Delete endpoint", "Delete this endpoint?");
    });

    await test.step("a delivery's attempts, from the log, and back", async () => {
      const second = await simulator.createJob("transcribe", {
        mediaUrl: media("keyboard-delivery"),
        sourceLanguage: "en",
      });
      const rows = page.getByTestId("delivery-row").filter({ hasText: second.jobId });
      await expect(rows).toHaveCount(3);
      const deliveryId = await rows.filter({ hasText: "job.completed" }).getAttribute("data-delivery-id");
      const open = page.locator(`[data-testid="delivery-row"][data-delivery-id="${deliveryId}"] button`);
      await tabTo(page, open, { backwards: true });
      await page.keyboard.press("Enter");
      const dialog = page.getByRole("dialog", { name: "job.completed delivery" });
      await expectFocusIn(page, dialog);
      await expect(dialog.getByTestId("delivery-attempt")).toHaveCount(1);
      await expectAccessible(page, "dialog: delivery");
      await page.keyboard.press("Escape");
      await expect(dialog).toBeHidden();
      await expect(open).toBeFocused();
      await expectVisibleFocus(page);
    });
  } finally {
    if (endpointId) await page.request.delete(`/api/webhook-endpoints/${endpointId}`, { headers: ORIGIN });
    await receiver.close();
  }
});

test("live updates are announced on the job page, step by step", async ({ page }) => {
  await signUp(page, {
    email: `announce-${randomBytes(4).toString("hex")}@example.com`,
    workspaceName: "Announcements",
  });
  const { workspaceId } = (await (await page.request.get("/api/settings/connection")).json()) as {
    workspaceId: string;
  };
  const { secret } = (await (await page.request.get("/api/settings/inbound-secret")).json()) as { secret: string };
  const jobId = `job_announce_${randomBytes(4).toString("hex")}`;
  const send = async (event: string, status: string) => {
    const id = `msg_${randomUUID()}`;
    const body = JSON.stringify({
      event,
      timestamp: new Date().toISOString(),
      data: { jobId, status, apiProduct: "transcribe" },
    });
    const response = await page.request.post(`/api/webhooks/${workspaceId}`, {
      headers: {
        "content-type": "application/json",
        "webhook-id": id,
        "webhook-timestamp": String(Math.floor(Date.now() / 1000)),
        "webhook-signature": new Webhook(secret).sign(id, new Date(), body),
      },
      data: body,
    });
    expect(response.status()).toBe(200);
  };

  await page.goto("/jobs");
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  const announcement = page.getByTestId("live-announcement");
  await expect(announcement).toHaveText("");
  await send("job.created", "created");
  await expect(announcement).toHaveText(`New job ${jobId}.`);

  await page.goto(`/jobs/${jobId}`);
  await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
  await send("job.processing", "transcribing");
  await expect(announcement).toHaveText("Status: Transcribing.");
  await send("job.failed", "failed");
  await expect(announcement).toHaveText("Status: Failed.");
  await expect(page.getByRole("status").filter({ hasText: "Status: Failed." })).toBeAttached();
});

/** Tabs through the whole page once (until focus comes round again), checking that focus shows at every stop. */
async function tabThroughPage(page: Page, shots: string, max = 150): Promise<string[]> {
  const stops: string[] = [];
  const seen = new Set<number>();
  const kinds = new Set<string>();
  for (let presses = 0; presses < max; presses += 1) {
    await page.keyboard.press("Tab");
    const { element, position } = await focusInfo(page);
    if (element === "body") {
      if (stops.length) break;
      continue;
    }
    if (seen.has(position)) break;
    seen.add(position);
    stops.push(element);
    await expectVisibleFocus(page);
    // A picture of the focus ring of each kind of control, for a person to judge.
    const kind = await page.evaluate(() => {
      const active = document.activeElement!;
      return `${active.tagName.toLowerCase()}${active.getAttribute("type") ? `-${active.getAttribute("type")}` : ""}${active.getAttribute("role") ? `-${active.getAttribute("role")}` : ""}`;
    });
    const box = await page.locator(":focus").boundingBox();
    if (box && !kinds.has(kind)) {
      kinds.add(kind);
      await page.screenshot({
        path: screenshotPath(`${shots}-${kind}`),
        clip: {
          x: Math.max(0, box.x - 12),
          y: Math.max(0, box.y - 12),
          width: box.width + 24,
          height: box.height + 24,
        },
      });
    }
  }
  return stops;
}

test("focus shows at every stop of the main pages and a dialog, light and dark", async ({ signedInPage: page }) => {
  // Six pages tabbed through stop by stop, each stop checked and photographed: a minute on a quiet
  // machine, more on a loaded one.
  test.setTimeout(180_000);
  for (const scheme of ["light", "dark"] as const) {
    await page.emulateMedia({ colorScheme: scheme });
    await test.step(`${scheme}: Jobs`, async () => {
      await page.goto("/jobs");
      await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
      expect((await tabThroughPage(page, `focus-${scheme}-jobs`)).length).toBeGreaterThan(10);
    });
    await test.step(`${scheme}: Settings`, async () => {
      await page.goto("/settings");
      await expect(page.getByTestId("api-key-status")).toBeVisible();
      expect((await tabThroughPage(page, `focus-${scheme}-settings`)).length).toBeGreaterThan(10);
    });
    await test.step(`${scheme}: the add-endpoint dialog`, async () => {
      await page.goto("/settings/webhooks");
      await page.getByRole("button", { name: "Add endpoint", exact: true }).first().focus();
      await page.keyboard.press("Enter");
      await expectFocusIn(page, page.getByRole("dialog", { name: "Add a webhook endpoint" }));
      expect((await tabThroughPage(page, `focus-${scheme}-dialog`)).length).toBeGreaterThan(5);
    });
  }
});

test.describe("with reduced motion", () => {
  test.use({ reducedMotion: "reduce" });

  test("nothing on the page moves: no pulsing, pinging or spinning, no transitions", async ({
    signedInPage: page,
    browser,
  }) => {
    const running = (target: Page) =>
      target.evaluate(() =>
        document.getAnimations().map((animation) => (animation as CSSAnimation).animationName ?? "transition"),
      );
    await page.goto("/jobs");
    await expect(page.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    expect(await running(page)).toEqual([]);
    const transitions = (target: Page) =>
      target
        .getByRole("button", { name: /^Account:/ })
        .evaluate((element) => getComputedStyle(element).transitionProperty);
    expect(await transitions(page)).toBe("none");

    // The same page without the preference does move: the check above is not vacuous.
    // (A context of the test's browser takes the test's options: the preference is reset by name.)
    const context = await browser.newContext({
      reducedMotion: "no-preference",
      storageState: await page.context().storageState(),
    });
    const moving = await context.newPage();
    await moving.goto("/jobs");
    await expect(moving.getByTestId("live-status")).toHaveAttribute("data-status", "live");
    expect(await running(moving)).toContain("ping");
    expect(await transitions(moving)).toContain("background-color");
    await context.close();
  });
});
