import { expect, ORIGIN, screenshotPath, test, waitForMail } from "./fixtures";
import { startWebhookReceiver } from "./webhook-receiver";

// Alerts through the page a team uses: rules set in Settings → Alerts, a job the simulator fails,
// and the alert arriving by email (the stack's SMTP inbox) and in "Slack" (a local receiver),
// then in the history. The demo workspace is shared: the rules are cleared again at the end.
const media = (name: string) => `https://media.example.com/e2e/${name}.mp4`;

test("a failed job is alerted by email and chat webhook, once, and shows in the history", async ({
  signedInPage: page,
  simulator,
}) => {
  test.setTimeout(120_000);
  const chat = await startWebhookReceiver("/services/T000/B000/XXXX");
  const email = `oncall-${Date.now()}@example.com`;
  try {
    await page.goto("/settings");
    await page.getByRole("link", { name: /Alerts/ }).click();
    await expect(page.getByRole("heading", { name: "Alerts", level: 1 })).toBeVisible();
    // Every rule is offered, the Jobs API's failing download links among them.
    await expect(page.getByRole("group", { name: "Alert when" }).getByRole("checkbox")).toHaveCount(5);
    await expect(page.getByRole("checkbox", { name: /The Jobs API's download links fail/ })).not.toBeChecked();
    await page.getByRole("checkbox", { name: /A job fails or is rejected/ }).check();
    // Saved as most first try it, with a rule and nothing else: kept, and the page says no one is told.
    await page.getByRole("button", { name: "Save alert rules" }).click();
    await expect(page.getByText("Saved, but no one is told yet")).toBeVisible();
    await page.getByLabel("Email recipients").fill(email);
    await page.getByLabel("Slack-compatible webhook URL").fill(chat.url);
    await page.getByRole("button", { name: "Save alert rules" }).click();
    await expect(page.getByText("Alert rules saved.")).toBeVisible();
    await expect(page.getByLabel("Slack-compatible webhook URL")).toHaveAttribute("placeholder", /Saved/);

    const { jobId } = await simulator.createJob("transcribe", { mediaUrl: media("fail-alert"), sourceLanguage: "en" });
    // The workers check every 30 s: the chat post comes first, the mail with it.
    await expect
      .poll(() => chat.requests.filter((request) => request.body.includes(jobId)).length, { timeout: 75_000 })
      .toBe(1);
    const mail = await waitForMail(email, new RegExp(`${jobId} failed`));
    expect(mail.links.some((link) => link.endsWith(`/jobs/${jobId}`))).toBe(true);

    await page.reload();
    const row = page.getByTestId("alert-row").filter({ hasText: jobId });
    await expect(row).toContainText("Sent");
    await page.screenshot({ path: screenshotPath("page-alerts"), fullPage: true });
  } finally {
    await page.request.put("/api/alerts/config", {
      data: { kinds: [], emails: [], slackUrl: "", silentHours: 6 },
      headers: ORIGIN,
    });
    await chat.close();
  }
});
