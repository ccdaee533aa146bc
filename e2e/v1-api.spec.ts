import { execFileSync } from "node:child_process";
import type { APIRequestContext } from "@playwright/test";
import { downloadResultResponseSchema } from "@/lib/contract/download-result";
import { curlExampleArgs, javascriptExample } from "@/lib/v1-api/code-examples";
import { expect, screenshotPath, test, type StackInfo } from "./fixtures";

// The /v1 API of the production build, as API clients see it: the seed's own cURL and JavaScript
// examples, run as the API page shows them (only base URL, key and job id filled in).

/** Waits until the job's webhooks have reached the portal and it is completed there. */
async function waitForCompletedJob(request: APIRequestContext, stack: StackInfo, jobId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await request.get(`${stack.portalUrl}/v1/jobs/${jobId}`, { headers: { authorization: `Bearer ${stack.portalApiKey}` } });
        return response.ok() ? ((await response.json()) as { state: string }).state : `HTTP ${response.status()}`;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe("completed");
}

test.describe("/v1 API", () => {
  test("the seed's cURL example downloads a completed job's links", async ({ stack, simulator, request }) => {
    const { jobId } = await simulator.createJob("transcribe", { mediaUrl: "https://cdn.example.com/media/curl-example.mp4" });
    await waitForCompletedJob(request, stack, jobId);

    const args = curlExampleArgs({ baseUrl: stack.portalUrl, apiKey: stack.portalApiKey, jobId });
    const output = execFileSync("curl", ["--silent", "--show-error", "--write-out", "\n%{http_code}", ...args], { encoding: "utf8" });
    const [body, status] = [output.slice(0, output.lastIndexOf("\n")), output.slice(output.lastIndexOf("\n") + 1)];
    expect(status).toBe("200");
    const result = downloadResultResponseSchema.parse(JSON.parse(body));
    expect(result).toMatchObject({ jobId, apiProduct: "transcribe" });
    expect(result.outputs).toHaveLength(1);
    expect(result.outputs[0]).not.toHaveProperty("outputIndex");

    const file = await request.get(result.outputs[0].url);
    expect(file.status()).toBe(200);
    expect((await file.body()).byteLength).toBe(result.outputs[0].sizeBytes);
  });

  test("the seed's JavaScript example runs in Node and saves the file", async ({ stack, simulator, request }) => {
    const { jobId } = await simulator.createJob("translate", {
      mediaUrl: "https://cdn.example.com/media/js-example.mp4",
      targetLanguage: "de",
    });
    await waitForCompletedJob(request, stack, jobId);

    // Only the browser's download step needs a stand-in: an <a> whose click records what it saves.
    const saved: { href?: string; download?: string; clicked?: boolean } = {};
    const document = { createElement: () => Object.assign(saved, { click: () => (saved.clicked = true) }) };
    const logs: string[] = [];
    const console = { log: (line: string) => logs.push(line) };
    const code = javascriptExample({ baseUrl: stack.portalUrl, apiKey: stack.portalApiKey, jobId });
    const run = new Function("document", "console", `return (async () => {\n${code}\n})();`) as (d: unknown, c: unknown) => Promise<void>;
    await run(document, console);

    expect(saved).toMatchObject({ download: "output.srt", clicked: true });
    expect(saved.href).toMatch(/^blob:nodedata:/);
    expect(logs).toHaveLength(1);
    expect(logs[0]).toMatch(/^Downloaded \d+ bytes$/);
  });

  test("errors share the seed's envelope; the OpenAPI document is served", async ({ stack, request }) => {
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
    expect(await bad.json()).toEqual({ error: { code: "INVALID_REQUEST", message: "Expiration time must be between 60 and 604800 seconds" } });

    const list = await request.get(`${stack.portalUrl}/v1/jobs?limit=1`, { headers: { authorization: `Bearer ${stack.portalApiKey}` } });
    expect(list.status()).toBe(200);
    expect(Object.keys(await list.json()).sort()).toEqual(["data", "nextCursor"]);

    const openapi = await request.get(`${stack.portalUrl}/v1/openapi.json`);
    expect(openapi.status()).toBe(200);
    const document = await openapi.json();
    expect(document.openapi).toBe("3.1.0");
    expect(Object.keys(document.paths)).toEqual(["/v1/jobs", "/v1/jobs/{jobId}", "/v1/jobs/{jobId}/download-result"]);
  });
});

test.describe("API keys and the API page", () => {
  test("create a key once, use it, revoke it: the next request is refused", async ({ signedInPage: page, stack, request }) => {
    const name = `e2e key ${Date.now()}`;
    const listJobs = (key: string) => request.get(`${stack.portalUrl}/v1/jobs`, { headers: { authorization: `Bearer ${key}` } });
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
      await page.getByRole("dialog", { name: "Revoke this API key?" }).getByRole("button", { name: "Revoke key" }).click();
      await expect(row).toContainText("Revoked");
      await page.screenshot({ path: screenshotPath("api-keys"), fullPage: true });
      expect((await listJobs(key)).status()).toBe(401);
    });
  });

  test("the API page fills the examples in with this portal's URL", async ({ signedInPage: page, stack }) => {
    await page.goto("/api-docs");
    await expect(page.getByTestId("example-curl")).toContainText(`curl -X POST ${stack.portalUrl}/v1/jobs/job_abc123/download-result`);
    await expect(page.getByTestId("example-python")).toContainText(`url = "${stack.portalUrl}/v1/jobs/job_abc123/download-result"`);
    await expect(page.getByTestId("example-javascript")).toContainText("'Authorization': 'Bearer YOUR_API_KEY'");
    await expect(page.getByRole("button", { name: "Copy the cURL example" })).toBeVisible();
    await page.screenshot({ path: screenshotPath("api-docs"), fullPage: true });
  });
});
