import { expectAccessible } from "./axe";
import { expect, ORIGIN, screenshotPath, signUp, test } from "./fixtures";

// What Settings → Webhooks publishes about the bounds: how many endpoints a workspace may have
// (and the add refused beyond it), and the retry schedule on every endpoint page. A workspace of
// its own, so the demo workspace's endpoints are left alone.
const MAX_ENDPOINTS = 20;
const endpointUrl = (index: number) => `https://1.1.1.1/hooks/limit-${index}`;

test("a workspace sees its endpoint limit, cannot pass it, and each endpoint page publishes the retry schedule", async ({
  page,
}) => {
  test.setTimeout(120_000);
  await signUp(page, { email: `limits-${Date.now()}@example.com`, workspaceName: "Limits" });
  for (let index = 1; index < MAX_ENDPOINTS; index += 1) {
    const response = await page.request.post("/api/webhook-endpoints", {
      data: { url: endpointUrl(index), eventTypes: ["job.completed"] },
      headers: ORIGIN,
    });
    expect(response.status(), await response.text()).toBe(201);
  }

  await test.step("the last endpoint the limit allows is added through the dialog", async () => {
    await page.goto("/settings/webhooks");
    await expect(page.getByTestId("endpoint-count")).toHaveText(`${MAX_ENDPOINTS - 1} of ${MAX_ENDPOINTS} endpoints`);
    await page.getByRole("button", { name: "Add endpoint" }).click();
    const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
    await dialog.getByLabel("Endpoint URL").fill(endpointUrl(MAX_ENDPOINTS));
    await dialog.getByLabel("Description").fill("The last one");
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(page).toHaveURL(/\/settings\/webhooks\/[^/]+$/);
  });

  await test.step("the endpoint page publishes the retry schedule", async () => {
    const schedule = page.getByRole("table", { name: "Retry schedule" });
    await expect(schedule.getByTestId("retry-schedule-row")).toHaveCount(8);
    await expect(schedule.getByTestId("retry-schedule-row").nth(1)).toContainText("5 s");
    await expect(schedule.getByTestId("retry-schedule-row").last()).toContainText("about 27 h 35 min");
    await expect(page.getByText(/for 5 days after the first failure, the endpoint is disabled/)).toBeVisible();
    await page.getByRole("heading", { name: "Retry schedule" }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: screenshotPath("webhook-retry-schedule") });
    await expectAccessible(page, "endpoint, the retry schedule");
  });

  await test.step("at the limit, Settings says so and the add is refused with the limit named", async () => {
    await page.goto("/settings/webhooks");
    await expect(page.getByTestId("endpoint-row")).toHaveCount(MAX_ENDPOINTS);
    await expect(page.getByTestId("endpoint-count")).toHaveText(`${MAX_ENDPOINTS} of ${MAX_ENDPOINTS} endpoints`);
    await expect(page.getByRole("button", { name: "Add endpoint" })).toBeDisabled();
    await expect(page.getByText(`This workspace has ${MAX_ENDPOINTS} endpoints, the most it can have.`)).toBeVisible();
    await page.screenshot({ path: screenshotPath("webhooks-at-limit") });
    await expectAccessible(page, "webhooks, at the limit");

    const refused = await page.request.post("/api/webhook-endpoints", {
      data: { url: endpointUrl(99), eventTypes: ["job.completed"] },
      headers: ORIGIN,
    });
    expect(refused.status()).toBe(409);
    expect(await refused.json()).toEqual({
      error: {
        code: "CONFLICT",
        message: `A workspace can have at most ${MAX_ENDPOINTS} webhook endpoints. Delete one you no longer use to add another.`,
      },
    });
  });
});
