import { randomBytes } from "node:crypto";
import type { Page } from "@playwright/test";
import { expect, mailLink, screenshotPath, signIn, signUp, test, waitForMail } from "./fixtures";

// Teams (issue #13): an owner invites a teammate by email, the teammate follows the mailed link
// and signs up, their role decides what they see and may do, the audit log tells the story; one
// person in two workspaces, one per tab; a forgotten password reset by mail.

const uniqueEmail = (tag: string) => `${tag}-${randomBytes(4).toString("hex")}@example.com`;
const PASSWORD = "correct-horse-battery";

/** The workspace id of the page's URL (`/w/{id}/…`). */
function workspaceOf(page: Page): string {
  const match = /\/w\/([^/]+)\//.exec(new URL(page.url()).pathname);
  expect(match, page.url()).not.toBeNull();
  return decodeURIComponent(match?.[1] ?? "");
}

test("an owner invites a teammate by email; the teammate joins as viewer, is raised to admin, and the audit log shows each step", async ({
  page,
  browser,
}) => {
  const ownerEmail = uniqueEmail("owner");
  const teammateEmail = uniqueEmail("teammate");
  await signUp(page, { email: ownerEmail, password: PASSWORD, workspaceName: "Team lab" });

  let workspaceId = "";
  await test.step("Settings → Members lists the owner, and invites a viewer by email with a link to copy", async () => {
    await page.goto("/settings");
    await page.getByRole("link", { name: /Members/ }).click();
    await expect(page.getByRole("heading", { name: "Members", level: 1 })).toBeVisible();
    workspaceId = workspaceOf(page);
    await expect(page.getByTestId("member-row")).toHaveCount(1);
    await expect(page.getByTestId("member-row")).toContainText("Owner");

    await page.getByRole("button", { name: "Invite member" }).click();
    const dialog = page.getByRole("dialog", { name: "Invite a teammate" });
    await dialog.getByLabel("Email").fill(teammateEmail);
    // Viewer is the default role: nothing to choose.
    await expect(dialog.getByLabel("Role")).toHaveValue("viewer");
    await dialog.getByRole("button", { name: "Send invite" }).click();
    const sent = page.getByRole("dialog", { name: "Invite sent" });
    await expect(sent.getByTestId("invite-link")).toHaveText(/\/invite\?token=[A-Za-z0-9_-]{43}$/);
    await expect(sent).toContainText("We emailed the link too");
    await page.screenshot({ path: screenshotPath("members-invite-sent") });
    await sent.getByRole("button", { name: "Done" }).click();
    await expect(page.getByTestId("invite-row")).toContainText(teammateEmail);
  });

  const teammateContext = await browser.newContext();
  const teammate = await teammateContext.newPage();
  await test.step("the teammate follows the mailed link, signs up, and lands in the workspace's jobs", async () => {
    const mail = await waitForMail(teammateEmail, "You're invited to Team lab on Jobs Portal");
    await teammate.goto(mailLink(mail));
    await expect(teammate.getByRole("heading", { name: "Join Team lab" })).toBeVisible();
    await expect(teammate.getByText(`${ownerEmail} invited ${teammateEmail} to Team lab as viewer.`)).toBeVisible();
    await teammate.getByRole("link", { name: "Create your account" }).click();
    await expect(teammate.getByLabel("Work email")).toHaveValue(teammateEmail);
    await teammate.getByLabel("Your name").fill("Grace Hopper");
    await teammate.getByLabel("Password", { exact: true }).fill(PASSWORD);
    await teammate.screenshot({ path: screenshotPath("invite-sign-up") });
    await teammate.getByRole("button", { name: "Join Team lab" }).click();
    await expect(teammate).toHaveURL(new RegExp(`/w/${workspaceId}/jobs$`));
    await expect(teammate.getByTestId("workspace-name")).toHaveText("Team lab");
    await expect(teammate.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();
  });

  await test.step("as viewer: no Settings → Webhooks, and the API refuses the same with a 403", async () => {
    await teammate.goto("/settings/webhooks");
    await expect(teammate).toHaveURL(new RegExp(`/w/${workspaceId}/settings/webhooks$`));
    await expect(teammate.getByRole("heading", { name: "You can't see webhook endpoints" })).toBeVisible();
    await teammate.screenshot({ path: screenshotPath("viewer-no-webhooks") });
    const refused = await teammate.request.get("/api/webhook-endpoints", {
      headers: { "x-portal-workspace": workspaceId },
    });
    expect(refused.status()).toBe(403);
    expect(await refused.json()).toEqual({
      error: { code: "FORBIDDEN", message: "Only workspace owners, admins and developers can do this" },
    });
    // Settings offers no connection or secrets to a viewer, and no invite button on Members.
    await teammate.goto(`/w/${workspaceId}/settings`);
    await expect(teammate.getByRole("heading", { name: "Team" })).toBeVisible();
    await expect(teammate.getByRole("heading", { name: "Jobs API connection" })).toHaveCount(0);
    await teammate.goto(`/w/${workspaceId}/settings/members`);
    await expect(teammate.getByTestId("member-row")).toHaveCount(2);
    await expect(teammate.getByRole("button", { name: "Invite member" })).toHaveCount(0);
  });

  await test.step("the owner raises the teammate to admin; the teammate now sees the endpoints", async () => {
    await page.reload();
    await expect(page.getByTestId("invite-row")).toHaveCount(0);
    await page.getByLabel(`Role of ${teammateEmail}`).selectOption("admin");
    await expect(page.getByLabel(`Role of ${teammateEmail}`)).toHaveValue("admin");
    await expect(page.getByLabel(`Role of ${teammateEmail}`)).toBeEnabled();
    await teammate.goto(`/w/${workspaceId}/settings/webhooks`);
    await expect(teammate.getByRole("heading", { name: "You can't see webhook endpoints" })).toHaveCount(0);
    await expect(teammate.getByRole("button", { name: /Add endpoint/ }).first()).toBeVisible();
  });

  await test.step("the audit log shows the invite, the join and the role change, with who did each", async () => {
    await page.goto(`/w/${workspaceId}/settings`);
    await page.getByRole("link", { name: /Audit log/ }).click();
    const entries = page.getByTestId("audit-entry");
    await expect(entries.nth(0)).toContainText("Member's role changed");
    await expect(entries.nth(0)).toContainText("viewer → admin");
    await expect(entries.nth(0)).toContainText(ownerEmail);
    await expect(entries.nth(1)).toContainText("Member joined");
    await expect(entries.nth(1)).toContainText(teammateEmail);
    await expect(entries.nth(2)).toContainText("Member invited");
    await expect(entries.nth(3)).toContainText("Workspace created");
    await page.screenshot({ path: screenshotPath("audit-log"), fullPage: true });
    await page.getByLabel("Actor").selectOption({ label: teammateEmail });
    await expect(entries).toHaveCount(1);
    await expect(entries.first()).toContainText("Member joined");
  });
  await teammateContext.close();
});

test("a second workspace, created and opened beside the first in another tab: each tab stays in its own", async ({
  page,
}) => {
  const email = uniqueEmail("two-tabs");
  await signUp(page, { email, password: PASSWORD, workspaceName: "First space" });
  await page.goto("/jobs");
  const first = workspaceOf(page);

  await test.step("the switcher offers to create a workspace", async () => {
    await page.getByRole("button", { name: /Switch workspace/ }).click();
    await page.getByRole("link", { name: "Create workspace" }).click();
    await page.getByLabel("Workspace name").fill("Second space");
    await page.getByRole("button", { name: "Create workspace" }).click();
    await expect(page.getByTestId("workspace-name")).toHaveText("Second space");
  });
  const second = workspaceOf(page);
  expect(second).not.toBe(first);

  const other = await page.context().newPage();
  await test.step("another tab switches back to the first; both keep their own workspace", async () => {
    await other.goto(`/w/${second}/jobs`);
    await other.getByRole("button", { name: /Switch workspace/ }).click();
    await other.getByRole("link", { name: /First space/ }).click();
    await expect(other).toHaveURL(new RegExp(`/w/${first}/jobs$`));
    await expect(other.getByTestId("workspace-name")).toHaveText("First space");

    // Each tab's calls name its own workspace: the webhook URL of Settings is each workspace's.
    await page.goto(`/w/${second}/settings`);
    await other.goto(`/w/${first}/settings`);
    await expect(page.getByRole("textbox", { name: "Webhook URL" })).toHaveValue(
      new RegExp(`/api/webhooks/${second}$`),
    );
    await expect(other.getByRole("textbox", { name: "Webhook URL" })).toHaveValue(
      new RegExp(`/api/webhooks/${first}$`),
    );
    await expect(page.getByTestId("workspace-name")).toHaveText("Second space");
  });

  await test.step("another user's workspace URL is not found", async () => {
    const stranger = await page.context().browser()!.newContext();
    const strangerPage = await stranger.newPage();
    await signUp(strangerPage, { email: uniqueEmail("stranger"), password: PASSWORD });
    expect((await strangerPage.goto(`/w/${first}/jobs`))?.status()).toBe(404);
    await stranger.close();
  });
});

test("a forgotten password is reset by the mailed link, which signs out the other sessions", async ({
  page,
  browser,
}) => {
  const email = uniqueEmail("forgot");
  await signUp(page, { email, password: PASSWORD });
  const elsewhere = await browser.newContext();
  const elsewherePage = await elsewhere.newPage();
  await signIn(elsewherePage, email, PASSWORD);
  await elsewherePage.goto("/jobs");
  await expect(elsewherePage.getByRole("heading", { name: "Jobs", level: 1 })).toBeVisible();

  const browserContext = await browser.newContext();
  const signedOut = await browserContext.newPage();
  await test.step("Forgot your password? mails a link", async () => {
    await signedOut.goto("/sign-in");
    await signedOut.getByRole("link", { name: "Forgot your password?" }).click();
    await expect(signedOut.getByRole("heading", { name: "Reset your password" })).toBeVisible();
    await signedOut.getByLabel("Email").fill(email);
    await signedOut.getByRole("button", { name: "Email me a reset link" }).click();
    await expect(signedOut.getByText("Check your email")).toBeVisible();
  });
  await test.step("the link sets a new password and signs in with it", async () => {
    const mail = await waitForMail(email, "Reset your Jobs Portal password");
    await signedOut.goto(mailLink(mail));
    await signedOut.getByLabel("New password").fill("a-brand-new-password");
    await signedOut.getByRole("button", { name: "Set new password" }).click();
    await expect(signedOut).toHaveURL(/\/w\/[^/]+\/jobs$/);
  });
  await test.step("the other session is signed out", async () => {
    await elsewherePage.goto("/jobs");
    await expect(elsewherePage).toHaveURL(/\/sign-in/);
  });
  await elsewhere.close();
  await browserContext.close();
});
