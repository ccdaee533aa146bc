import { randomBytes } from "node:crypto";
import { expect, screenshotPath, signUp, test } from "./fixtures";

// Settings → Retention, as a workspace owner uses it.
test("an owner keeps history 90 days by default and changes it; a wrong number is refused and changes nothing", async ({
  page,
}) => {
  await signUp(page, {
    email: `retention-${randomBytes(4).toString("hex")}@example.com`,
    workspaceName: "Retention lab",
  });
  await page.goto("/settings");
  const section = page.getByRole("region", { name: "Retention" });
  const days = section.getByLabel("Keep history for (days)");
  await expect(days).toHaveValue("90");

  await days.fill("0");
  await section.getByRole("button", { name: "Update retention" }).click();
  await expect(section.getByText("Keep history for at least 1 day")).toBeVisible();

  await days.fill("30");
  await section.getByRole("button", { name: "Update retention" }).click();
  await expect(section.getByText("Retention updated.")).toBeVisible();
  await section.screenshot({ path: screenshotPath("settings-retention") });
  await page.reload();
  await expect(page.getByRole("region", { name: "Retention" }).getByLabel("Keep history for (days)")).toHaveValue("30");
});
