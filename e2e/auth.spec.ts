import { randomBytes } from "node:crypto";
import { expect, screenshotPath, test } from "./fixtures";

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;

test.describe("sign-in and sign-up", () => {
  test("signed-out visitors of a portal page are sent to sign-in", async ({ page }) => {
    await page.goto("/jobs");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fjobs$/);
    await expect(page.getByRole("heading", { name: "Sign in to your workspace" })).toBeVisible();
  });

  test("a wrong password shows an error and keeps the user on sign-in", async ({ page, stack }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email").fill(stack.email);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.screenshot({ path: screenshotPath("sign-in-error"), fullPage: true });
  });

  test("sign-in with the demo account opens the portal", async ({ page, stack }) => {
    await page.goto("/sign-in?callbackUrl=%2Fsettings");
    await page.getByLabel("Email").fill(stack.email);
    await page.getByLabel("Password", { exact: true }).fill(stack.password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByTestId("workspace-name")).toHaveText("Demo workspace");
  });

  test("sign-up creates a workspace and lands on the Jobs page", async ({ page }) => {
    const email = uniqueEmail("new");
    await page.goto("/sign-up");
    await test.step("invalid input is explained beside each field", async () => {
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("Enter your name")).toBeVisible();
      await expect(page.getByText("Use at least 10 characters")).toBeVisible();
    });
    await test.step("a valid form creates the account and signs in", async () => {
      await page.getByLabel("Your name").fill("Ada Lovelace");
      await page.getByLabel("Work email").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("analytical-engine-1843");
      await page.getByLabel("Workspace name").fill("Analytical Engines");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/jobs$/);
    });
    await test.step("the new workspace is the user's own", async () => {
      await page.goto("/settings");
      await expect(page.getByTestId("workspace-name")).toHaveText("Analytical Engines");
      await expect(page.getByRole("textbox", { name: "Webhook URL" })).not.toHaveValue(/\/api\/webhooks\/demo$/);
    });
  });

  test("sign-up with a taken email says so", async ({ page, stack }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Someone Else");
    await page.getByLabel("Work email").fill(stack.email);
    await page.getByLabel("Password", { exact: true }).fill("another-long-password");
    await page.getByLabel("Workspace name").fill("Copycat");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByText("An account with this email already exists. Sign in instead.")).toBeVisible();
    await expect(page).toHaveURL(/\/sign-up$/);
  });

  test("sign-up refuses a cross-origin request", async ({ request }) => {
    const response = await request.post("/api/sign-up", {
      data: { name: "Eve", email: uniqueEmail("eve"), password: "long-enough-password", workspaceName: "Evil" },
      headers: { origin: "https://evil.example" },
    });
    expect(response.status()).toBe(403);
    expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: "Cross-origin request refused" } });
  });

  test("sign-out ends the session", async ({ signedInPage: page, stack }) => {
    await page.goto("/settings");
    await page.getByRole("button", { name: `Account: ${stack.email}` }).click();
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.goto("/settings");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fsettings$/);
  });

  test("screenshots of the auth pages", async ({ page }) => {
    for (const scheme of ["light", "dark"] as const) {
      await page.emulateMedia({ colorScheme: scheme });
      await page.goto("/sign-in");
      await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
      await page.screenshot({ path: screenshotPath(`sign-in-${scheme}`), fullPage: true });
      await page.goto("/sign-up");
      await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
      await page.screenshot({ path: screenshotPath(`sign-up-${scheme}`), fullPage: true });
    }
  });
});
