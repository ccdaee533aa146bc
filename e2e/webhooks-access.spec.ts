import { randomBytes } from "node:crypto";
import { expectAccessible } from "./axe";
import { expect, ORIGIN, PORTAL_URL, signUp, test } from "./fixtures";

// Settings → Webhooks' guard rails: what the portal refuses to save, and whose endpoints a member
// may see. Each test signs up a workspace of its own.
const newEmail = () => `webhooks-${randomBytes(4).toString("hex")}@example.com`;

test("a URL that cannot receive webhooks is explained and nothing is saved", async ({ page }) => {
  await signUp(page, { email: newEmail(), workspaceName: "Webhooks lab" });
  await page.goto("/settings/webhooks");
  await expect(page.getByText("No webhook endpoints yet")).toBeVisible();
  await page.getByRole("button", { name: "Add endpoint" }).click();
  const dialog = page.getByRole("dialog", { name: "Add a webhook endpoint" });
  const url = dialog.getByLabel("Endpoint URL");

  for (const [value, message] of [
    ["ftp://127.0.0.1/hooks", "Enter a URL starting with https://"],
    ["https://user:secret@127.0.0.1/hooks", "Leave out the user name and password: verify the signature instead"],
  ] as const) {
    await url.fill(value);
    await dialog.getByRole("button", { name: "Add endpoint" }).click();
    await expect(url).toHaveAttribute("aria-invalid", "true");
    await expect(dialog.getByText(message)).toBeVisible();
  }
  for (const box of await dialog.getByRole("checkbox").all()) await box.uncheck();
  await dialog.getByRole("button", { name: "Add endpoint" }).click();
  await expect(dialog.getByText("Choose at least one event")).toBeVisible();
  await expectAccessible(page, "add-endpoint dialog, errors");

  for (const refused of [
    "file:///etc/passwd",
    "gopher://127.0.0.1:6379/_FLUSHALL",
    "https://admin:pw@127.0.0.1/hooks",
  ]) {
    const response = await page.request.post("/api/webhook-endpoints", {
      data: { url: refused, eventTypes: ["job.created"] },
      headers: ORIGIN,
    });
    expect(response.status(), refused).toBe(400);
    expect((await response.json()).error.code).toBe("INVALID_REQUEST");
  }
  expect(await (await page.request.get("/api/webhook-endpoints")).json()).toEqual({ endpoints: [], maxEndpoints: 20 });
});

test("another workspace's endpoint is not found, and nothing answers without a session", async ({
  page,
  browser,
  request,
}) => {
  await signUp(page, { email: newEmail(), workspaceName: "Owner lab" });
  const created = await page.request.post("/api/webhook-endpoints", {
    data: { url: "http://127.0.0.1:9/hooks", eventTypes: ["job.completed"] },
    headers: ORIGIN,
  });
  expect(created.status()).toBe(201);
  const { endpoint } = (await created.json()) as { endpoint: { id: string } };

  const other = await browser.newContext({ baseURL: PORTAL_URL });
  try {
    const otherPage = await other.newPage();
    await signUp(otherPage, { email: newEmail(), workspaceName: "Other lab" });
    const base = `/api/webhook-endpoints/${endpoint.id}`;
    for (const [method, path] of [
      ["get", base],
      ["get", `${base}/secret`],
      ["get", `${base}/deliveries`],
      ["patch", base],
      ["delete", base],
      ["post", `${base}/secret/rotate`],
    ] as const) {
      const response = await otherPage.request[method](path, {
        headers: ORIGIN,
        ...(method === "patch" && { data: { description: "mine" } }),
      });
      expect(response.status(), `${method} ${path}`).toBe(404);
    }
    await otherPage.goto(`/settings/webhooks/${endpoint.id}`);
    await expect(otherPage.getByText("Endpoint not found")).toBeVisible();
  } finally {
    await other.close();
  }
  for (const path of ["/api/webhook-endpoints", `/api/webhook-endpoints/${endpoint.id}/secret`]) {
    expect((await request.get(path)).status(), path).toBe(401);
  }
  await page.request.delete(`/api/webhook-endpoints/${endpoint.id}`, { headers: ORIGIN });
});
