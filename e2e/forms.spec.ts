import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expectAccessible } from "./axe";
import { expect, screenshotPath, signUp, test } from "./fixtures";

// The path most people take through each form: every optional field left empty, every default
// kept, the first button the page offers clicked. (Sign-up has no optional field; its form is
// tested in auth.spec.ts.)
async function signUpFresh(page: Page): Promise<void> {
  await signUp(page, { email: `forms-${randomBytes(4).toString("hex")}@example.com`, workspaceName: "Forms lab" });
}

test.describe("forms with the optional fields left empty", () => {
  test("add a webhook endpoint: the URL only, every event as preset", async ({ page }) => {
    await signUpFresh(page);
    await page.goto("/settings/webhooks");
    await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
    // The first thing the page offers: the empty state's button.
    await page.getByRole("button", { name: "Add endpoint" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
    await dialog.getByLabel("Endpoint URL").fill("http://127.0.0.1:9/hooks/jobs");
    await expect(dialog.getByLabel("Description")).toHaveValue("");
    for (const box of await dialog.getByRole("checkbox").all()) await expect(box).toBeChecked();
    await expectAccessible(page, "add-endpoint dialog, filled");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();

    await expect(page).toHaveURL(/\/settings\/webhooks\/[A-Za-z0-9_-]+$/);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("http://127.0.0.1:9/hooks/jobs");
    await page.screenshot({ path: screenshotPath("endpoint-added-without-description"), fullPage: true });

    await test.step("editing it: clearing a description saves, and it stays cleared", async () => {
      const details = page.getByRole("form", { name: "Endpoint details" });
      await details.getByLabel("Description").fill("Billing (staging)");
      await details.getByRole("button", { name: "Save changes" }).click();
      await expect(details.getByText("Endpoint saved.")).toBeVisible();
      await expectAccessible(page, "endpoint, saved");
      await details.getByLabel("Description").fill("");
      await details.getByRole("button", { name: "Save changes" }).click();
      await expect(details.getByText("Endpoint saved.")).toBeVisible();
      await page.reload();
      await expect(page.getByRole("form", { name: "Endpoint details" }).getByLabel("Description")).toHaveValue("");
    });
  });

  test("create an API key: its name is all it asks", async ({ page }) => {
    await signUpFresh(page);
    await page.goto("/settings/api-keys");
    await page.getByRole("button", { name: "Create API key" }).first().click();
    const dialog = page.getByRole("dialog", { name: "Create an API key" });
    await dialog.getByLabel("Name").fill("Render worker");
    await dialog.getByRole("button", { name: "Create key" }).click();
    await expect(page.getByTestId("new-api-key")).toHaveText(/^jp_live_/);
    await expectAccessible(page, "new API key dialog");
  });

  test("save the connection with the API key left empty: nothing is set, then the stored key is kept", async ({
    page,
    stack,
  }) => {
    await signUpFresh(page);
    await page.goto("/settings");
    await page.getByRole("combobox", { name: "Base URL" }).selectOption(stack.simulatorUrl);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByText("Connection saved.")).toBeVisible();
    await expect(page.getByTestId("api-key-status")).toHaveText("Not set");
    await expectAccessible(page, "settings, connection saved");

    await page.getByLabel("API key", { exact: true }).fill(stack.simulatorApiKey);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByTestId("api-key-status")).toHaveText("Set");
    await page.reload();
    await page.getByRole("button", { name: "Save" }).click(); // the key field is empty again
    await expect(page.getByText("Connection saved.")).toBeVisible();
    await page.reload();
    await expect(page.getByTestId("api-key-status")).toHaveText("Set");
  });
});
