import { expect, screenshotPath, test } from "./fixtures";

// The /v1 API of the production build, as API clients see it. The Jobs API documentation's four examples, run as
// printed against the portal and the simulator, are in seed-examples.spec.ts.

test.describe("/v1 API", () => {
  test("errors share the Jobs API's error envelope; the OpenAPI document is served", async ({ stack, request }) => {
    const post = (jobId: string, data: string, key: string | null = stack.portalApiKey) =>
      request.post(`${stack.portalUrl}/v1/jobs/${jobId}/download-result`, {
        headers: { "content-type": "application/json", ...(key ? { authorization: `Bearer ${key}` } : {}) },
        data,
      });

    const missing = await post("job_abc123", "{}", null);
    expect(missing.status()).toBe(401);
    expect((await missing.json()).error.code).toBe("UNAUTHORIZED");
    const unknown = await post("job_abc123", "{}");
    expect({ status: unknown.status(), body: await unknown.json() }).toEqual({
      status: 404,
      body: { error: { code: "RESOURCE_NOT_FOUND", message: "Job not found" } },
    });
    const bad = await post("job_abc123", '{"expirationSeconds": 604801}');
    expect(await bad.json()).toEqual({
      error: { code: "INVALID_REQUEST", message: "Expiration time must be between 60 and 604800 seconds" },
    });

    const list = await request.get(`${stack.portalUrl}/v1/jobs?limit=1`, {
      headers: { authorization: `Bearer ${stack.portalApiKey}` },
    });
    expect(list.status()).toBe(200);
    expect(Object.keys(await list.json()).sort()).toEqual(["data", "nextCursor"]);

    const openapi = await request.get(`${stack.portalUrl}/v1/openapi.json`);
    expect(openapi.status()).toBe(200);
    const document = await openapi.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual([
      "/v1/jobs",
      "/v1/jobs/{jobId}",
      "/v1/jobs/{jobId}/download-result",
      "/v1/jobs/{jobId}/outputs/{n}",
    ]);
  });
});

test.describe("API keys and the API page", () => {
  test("create a key once, use it, revoke it: the next request is refused", async ({
    signedInPage: page,
    stack,
    request,
  }) => {
    const name = `e2e key ${Date.now()}`;
    const listJobs = (key: string) =>
      request.get(`${stack.portalUrl}/v1/jobs`, { headers: { authorization: `Bearer ${key}` } });
    let key = "";

    await test.step("create it and see the key once", async () => {
      await page.goto("/settings/api-keys");
      await page.getByRole("button", { name: "Create API key" }).first().click();
      const dialog = page.getByRole("dialog", { name: "Create an API key" });
      await dialog.getByLabel("Name").fill(name);
      await dialog.getByRole("button", { name: "Create key" }).click();
      const shown = page.getByRole("dialog", { name: "Copy your new API key" });
      key = (await shown.getByTestId("new-api-key").textContent()) ?? "";
      expect(key).toMatch(/^jp_live_/);
      await page.screenshot({ path: screenshotPath("api-key-created") });
      await shown.getByRole("button", { name: "Done" }).click();
      const row = page.getByTestId("api-key-row").filter({ hasText: name });
      await expect(row).toContainText(`${key.slice(0, 14)}…`);
      await expect(row).toContainText("Never");
      await expect(page.getByText(key)).toHaveCount(0);
    });

    await test.step("use it", async () => {
      expect((await listJobs(key)).status()).toBe(200);
    });

    await test.step("revoke it", async () => {
      await page.reload();
      const row = page.getByTestId("api-key-row").filter({ hasText: name });
      await expect(row).not.toContainText("Never");
      await row.getByRole("button", { name: `Revoke ${name}` }).click();
      await page
        .getByRole("dialog", { name: "Revoke this API key?" })
        .getByRole("button", { name: "Revoke key" })
        .click();
      await expect(row).toContainText("Revoked");
      await page.screenshot({ path: screenshotPath("api-keys"), fullPage: true });
      expect((await listJobs(key)).status()).toBe(401);
    });
  });

  test("the API page fills the examples in with this portal's URL", async ({ signedInPage: page, stack }) => {
    await page.goto("/api-docs");
    await expect(page.getByTestId("example-curl")).toContainText(
      `curl -X POST ${stack.portalUrl}/v1/jobs/job_abc123/download-result`,
    );
    await expect(page.getByTestId("example-python")).toContainText(
      `url = "${stack.portalUrl}/v1/jobs/job_abc123/download-result"`,
    );
    await expect(page.getByTestId("example-javascript")).toContainText("'Authorization': 'Bearer YOUR_API_KEY'");
    await expect(page.getByRole("button", { name: "Copy the cURL example" })).toBeVisible();
    await page.screenshot({ path: screenshotPath("api-docs"), fullPage: true });
  });
});
