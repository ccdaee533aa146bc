import { randomBytes } from "node:crypto";
import { expectAccessible } from "./axe";
import { CONFIRM_SUBJECT, expect, mailLink, PORTAL_URL, screenshotPath, test, waitForMail } from "./fixtures";

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;

test.describe("sign-in and sign-up", () => {
  test("signed-out visitors of a portal page are sent to sign-in", async ({ page }) => {
    await page.goto("/jobs");
    await expect(page).toHaveURL(/\/sign-in\?callbackUrl=%2Fjobs$/);
    await expect(page.getByRole("heading", { name: "Sign in to your workspace" })).toBeVisible();
  });

  test("a wrong password shows an error and keeps the user on sign-in", async ({ page, stack }) => {
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(stack.email);
    await page.getByLabel("Password", { exact: true }).fill("not-the-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
    await expect(page).toHaveURL(/\/sign-in/);
    await page.screenshot({ path: screenshotPath("sign-in-error"), fullPage: true });
    await expectAccessible(page, "sign-in with an error");
  });

  test("sign-in with the demo account opens the portal", async ({ page, stack }) => {
    await page.goto("/sign-in?callbackUrl=%2Fsettings");
    await page.getByLabel("Email", { exact: true }).fill(stack.email);
    await page.getByLabel("Password", { exact: true }).fill(stack.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page).toHaveURL(/\/settings$/);
    await expect(page.getByTestId("workspace-name")).toHaveText("Demo workspace");
  });

  test("sign-up: the confirmation mail's link lands in the new workspace, named after its owner", async ({ page }) => {
    const email = uniqueEmail("new");
    await page.goto("/sign-up");
    await test.step("invalid input is explained beside each field", async () => {
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByText("Enter your name")).toBeVisible();
      await expect(page.getByText("Use at least 10 characters")).toBeVisible();
      await expectAccessible(page, "sign-up with errors");
    });
    await test.step("a valid form, the optional workspace name left empty, asks to check the email", async () => {
      await page.getByLabel("Your name").fill("Ada Lovelace");
      await page.getByLabel("Work email").fill(email);
      await page.getByLabel("Password", { exact: true }).fill("analytical-engine-1843");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page).toHaveURL(/\/sign-up\/check-email\?email=/);
      await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
      await expect(page.getByText(email, { exact: true })).toBeVisible();
      await page.screenshot({ path: screenshotPath("sign-up-check-email"), fullPage: true });
    });
    await test.step("the link in the mail opens the Jobs page, signed in", async () => {
      const mail = await waitForMail(email, CONFIRM_SUBJECT);
      expect(mail.links).toHaveLength(1);
      await page.goto(mailLink(mail));
      await expect(page).toHaveURL(/\/jobs$/);
    });
    await test.step("the new workspace is the user's own", async () => {
      await page.goto("/settings");
      await expect(page.getByTestId("workspace-name")).toHaveText("Ada Lovelace's workspace");
      await expect(page.getByRole("textbox", { name: "Webhook URL" })).not.toHaveValue(/\/api\/webhooks\/demo$/);
    });
  });

  test("sign-up with a taken email answers as for a new one, and the owner gets a mail instead", async ({
    page,
    stack,
  }) => {
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Someone Else");
    await page.getByLabel("Work email").fill(stack.email);
    await page.getByLabel("Password", { exact: true }).fill("another-long-password");
    await page.getByLabel("Workspace name").fill("Copycat");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page).toHaveURL(/\/sign-up\/check-email\?email=demo%40example\.com$/);
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const mail = await waitForMail(stack.email, "Someone tried to sign up for Jobs Portal with your email");
    expect(mail.links).toEqual([expect.stringMatching(/\/sign-in$/)]);
    // The owner's password still works, and only it.
    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(stack.email);
    await page.getByLabel("Password", { exact: true }).fill("another-long-password");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Incorrect email or password." })).toBeVisible();
  });

  test("a confirmation link opened in another browser asks for the sign-up's password", async ({ page, browser }) => {
    const email = uniqueEmail("elsewhere");
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Grace Hopper");
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("compilers-since-1952");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const link = mailLink(await waitForMail(email, CONFIRM_SUBJECT));

    const phone = await browser.newContext({ baseURL: PORTAL_URL });
    const other = await phone.newPage();
    await other.goto(link);
    await expect(other.getByText("This link was opened in a different browser")).toBeVisible();
    await other.screenshot({ path: screenshotPath("sign-up-confirm-other-browser"), fullPage: true });
    await expectAccessible(other, "confirm in another browser");
    await other.getByLabel("Password").fill("not-the-right-one");
    await other.getByRole("button", { name: "Confirm and open my workspace" }).click();
    await expect(other.getByText("That is not the password chosen at sign-up.")).toBeVisible();
    await other.getByLabel("Password").fill("compilers-since-1952");
    await other.getByRole("button", { name: "Confirm and open my workspace" }).click();
    await expect(other).toHaveURL(/\/jobs$/);
    await phone.close();
  });

  test("signing in before confirming points to the mail, and a new link replaces the old one", async ({ page }) => {
    const email = uniqueEmail("forgetful");
    await page.goto("/sign-up");
    await page.getByLabel("Your name").fill("Alan Turing");
    await page.getByLabel("Work email").fill(email);
    await page.getByLabel("Password", { exact: true }).fill("enigma-machine-1939");
    await page.getByRole("button", { name: "Create account" }).click();
    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    const first = await waitForMail(email, CONFIRM_SUBJECT);

    await page.goto("/sign-in");
    await page.getByLabel("Email", { exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill("enigma-machine-1939");
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    const alert = page.getByRole("alert").filter({ hasText: "Incorrect email or password." });
    await expect(alert).toContainText("Signed up recently? Your account opens once you confirm your email.");
    await alert.getByRole("link", { name: "Resend the confirmation link" }).click();

    await expect(page.getByRole("heading", { name: "Check your email" })).toBeVisible();
    await expect(page.getByLabel("Email")).toHaveValue(email);
    await page.getByRole("button", { name: "Send the link again" }).click();
    await expect(
      page.getByText(`If a sign-up is waiting for confirmation at ${email}, a new link is on its way.`),
    ).toBeVisible();
    await expectAccessible(page, "check-email, link sent again");
    const second = await waitForMail(email, CONFIRM_SUBJECT, 2);

    await page.goto(mailLink(first));
    await expect(page.getByText("This link has expired or was already used")).toBeVisible();
    await page.goto(mailLink(second));
    await expect(page).toHaveURL(/\/jobs$/);
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
      await expect(page.getByRole("button", { name: "Sign in", exact: true })).toBeVisible();
      await page.screenshot({ path: screenshotPath(`sign-in-${scheme}`), fullPage: true });
      await page.goto("/sign-up");
      await expect(page.getByRole("button", { name: "Create account" })).toBeVisible();
      await page.screenshot({ path: screenshotPath(`sign-up-${scheme}`), fullPage: true });
      await page.goto("/sign-up/check-email?email=ada%40example.com");
      await expect(page.getByRole("button", { name: "Send the link again" })).toBeVisible();
      await page.screenshot({ path: screenshotPath(`sign-up-check-email-${scheme}`), fullPage: true });
    }
  });
});
