import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, ORIGIN, PORTAL_URL, screenshotPath, signUp, test } from "./fixtures";
import { VENDOR_URL } from "./vendor-url";

/** Every response body the browser receives from the portal, to prove a secret is never among them. */
function recordResponseBodies(page: Page): string[] {
  const bodies: string[] = [];
  page.on("response", async (response) => {
    if (!response.url().startsWith(PORTAL_URL)) return;
    bodies.push(await response.text().catch(() => ""));
  });
  return bodies;
}

async function signUpFresh(page: Page): Promise<void> {
  await signUp(page, {
    email: `settings-${randomBytes(4).toString("hex")}@example.com`,
    workspaceName: "Settings lab",
  });
}

test.describe("Settings → Connection", () => {
  test("shows the inbound URL, reveals and copies the secret", async ({ signedInPage: page, stack }) => {
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"]);
    await page.goto("/settings");
    await expect(page.getByRole("textbox", { name: "Webhook URL" })).toHaveValue(`${PORTAL_URL}/api/webhooks/demo`);

    const secret = page.getByTestId("secret-value");
    await expect(secret).toHaveText(/^whsec_•+$/);
    await page.getByRole("button", { name: "Reveal signing secret" }).click();
    await expect(secret).toHaveText(stack.inboundSecret);
    await expectAccessible(page, "settings, the secret revealed");
    await page.getByRole("button", { name: "Hide signing secret" }).click();
    await expect(secret).not.toHaveText(stack.inboundSecret);

    await page.getByRole("button", { name: "Copy signing secret" }).click();
    await expect(page.getByRole("status").filter({ hasText: "Copied" })).toBeAttached();
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(stack.inboundSecret);
  });

  test("the demo workspace is connected to the simulator", async ({ signedInPage: page }) => {
    await page.goto("/settings");
    await expect(page.getByTestId("api-key-status")).toHaveText("Set");
    await page.getByRole("button", { name: "Test connection" }).click();
    await expect(page.getByTestId("connection-check-result")).toHaveText("The Jobs API accepted the key.");
  });

  test("rotating the secret replaces it and keeps the old one for 24 hours", async ({ page }) => {
    await signUpFresh(page);
    await page.goto("/settings");
    await page.getByRole("button", { name: "Reveal signing secret" }).click();
    const secret = page.getByTestId("secret-value");
    await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/=]+$/);
    const before = await secret.textContent();

    await page.getByRole("button", { name: "Rotate secret" }).click();
    const dialog = page.getByRole("dialog", { name: "Rotate the signing secret?" });
    await expect(dialog).toContainText("24 hours");
    await page.screenshot({ path: screenshotPath("settings-rotate-dialog") });
    await expectAccessible(page, "settings, the rotate dialog");
    await dialog.getByRole("button", { name: "Rotate secret" }).click();
    await expect(dialog).toBeHidden();

    await expect(secret).toHaveText(/^whsec_[A-Za-z0-9+/=]+$/);
    await expect(secret).not.toHaveText(before ?? "");
    await expect(page.getByText("The previous secret is still accepted until")).toBeVisible();
  });

  test("the base URL is the deployment's choice: offered as a select, anything else refused", async ({
    page,
    stack,
  }) => {
    await signUpFresh(page);
    await page.goto("/settings");
    const baseUrl = page.getByRole("combobox", { name: "Base URL" });
    // The e2e stack allows two Jobs APIs, its simulator and the inbound tests' vendor: both offered,
    // neither chosen for a workspace that has not connected yet.
    await expect(baseUrl).toHaveValue("");
    await expect(baseUrl.getByRole("option")).toHaveText(["Choose a Jobs API", stack.simulatorUrl, VENDOR_URL]);
    await expect(page.getByText("The Jobs APIs this deployment allows.")).toBeVisible();

    const refused = await page.request.put("/api/settings/connection", {
      data: { baseUrl: "http://127.0.0.1:5432", apiKey: "sk_probe" },
      headers: ORIGIN,
    });
    expect(refused.status()).toBe(400);
    expect(await refused.json()).toEqual({
      error: {
        code: "INVALID_REQUEST",
        message: `baseUrl: Choose one of the Jobs API base URLs this deployment allows: ${stack.simulatorUrl}, ${VENDOR_URL}`,
        details: [
          {
            field: "baseUrl",
            issue: `Choose one of the Jobs API base URLs this deployment allows: ${stack.simulatorUrl}, ${VENDOR_URL}`,
          },
        ],
      },
    });
    await page.reload();
    await expect(page.getByTestId("api-key-status")).toHaveText("Not set");
  });

  test("the API key is saved sealed and never sent back to the browser", async ({ page, stack }) => {
    const bodies = recordResponseBodies(page);
    await signUpFresh(page);
    await page.goto("/settings");
    await expect(page.getByTestId("api-key-status")).toHaveText("Not set");

    await test.step("a wrong key is refused by the upstream", async () => {
      await page.getByRole("combobox", { name: "Base URL" }).selectOption(stack.simulatorUrl);
      await page.getByLabel("API key", { exact: true }).fill("sim_wrong_key_for_the_test");
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByText("Connection saved.")).toBeVisible();
      await page.getByRole("button", { name: "Test connection" }).click();
      await expect(page.getByTestId("connection-check-result")).toContainText("refused the key");
      await expectAccessible(page, "settings, a refused key");
    });
    await test.step("the right key is accepted", async () => {
      await page.getByLabel("API key", { exact: true }).fill(stack.simulatorApiKey);
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByLabel("API key", { exact: true })).toHaveValue("");
      await expect(page.getByTestId("api-key-status")).toHaveText("Set");
      await page.getByRole("button", { name: "Test connection" }).click();
      await expect(page.getByTestId("connection-check-result")).toHaveText("The Jobs API accepted the key.");
    });
    await test.step("no response ever carried the key", async () => {
      await page.reload();
      await expect(page.getByTestId("api-key-status")).toHaveText("Set");
      const direct = await page.request.get("/api/settings/connection");
      bodies.push(await direct.text());
      expect(bodies.length).toBeGreaterThan(5);
      for (const body of bodies) {
        expect(body).not.toContain(stack.simulatorApiKey);
        expect(body).not.toContain("sim_wrong_key_for_the_test");
      }
    });
  });

  test("the theme choice applies at once and survives a reload", async ({ signedInPage: page }) => {
    await page.emulateMedia({ colorScheme: "light" });
    await page.goto("/settings");
    await page.getByRole("radio", { name: "Dark" }).check();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await page.reload();
    await expect(page.locator("html")).toHaveClass(/dark/);
    await expect(page.getByRole("radio", { name: "Dark" })).toBeChecked();
    await page.getByRole("radio", { name: "System" }).check();
    await expect(page.locator("html")).not.toHaveClass(/dark/);
  });

  test("settings routes answer 401 without a session", async ({ request }) => {
    for (const path of [
      "/api/settings/connection",
      "/api/settings/inbound-secret",
      "/api/settings/inbound-webhook",
      "/api/settings/inbound-webhook/refusals",
    ]) {
      const response = await request.get(path);
      expect(response.status(), path).toBe(401);
      expect(await response.json()).toEqual({ error: { code: "UNAUTHORIZED", message: "Sign in to continue" } });
    }
  });

  test("screenshots of the settings page", async ({ signedInPage: page }) => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/settings");
      await expect(page.getByTestId("api-key-status")).toBeVisible();
      await page.screenshot({ path: screenshotPath(`settings-${scheme}`), fullPage: true });
    }
    await test.step("Settings → Connection, the Jobs API section", async () => {
      await page.emulateMedia({ colorScheme: "light" });
      await page.goto("/settings");
      await page.getByRole("button", { name: "Test connection" }).click();
      await expect(page.getByTestId("connection-check-result")).toHaveText("The Jobs API accepted the key.");
      await page
        .getByRole("region", { name: "Jobs API connection" })
        .screenshot({ path: screenshotPath("settings-connection") });
    });
    await test.step("narrow screens get a top bar and a navigation drawer", async () => {
      await page.emulateMedia({ colorScheme: "light" });
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/settings");
      await expect(page.getByTestId("api-key-status")).toBeVisible();
      await page.screenshot({ path: screenshotPath("settings-mobile"), fullPage: true });
      await page.getByRole("button", { name: "Open navigation" }).click();
      const drawer = page.getByRole("dialog", { name: "Navigation" });
      await expect(drawer.getByRole("link", { name: "Jobs", exact: true })).toBeVisible();
      await page.screenshot({ path: screenshotPath("settings-mobile-nav") });
      await expectAccessible(page, "navigation drawer");
      await page.keyboard.press("Escape");
      await expect(drawer).toBeHidden();
    });
  });
});
