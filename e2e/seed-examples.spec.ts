import { execFileSync } from "node:child_process";
import { stat } from "node:fs/promises";
import type { APIRequestContext } from "@playwright/test";
import { downloadResultResponseSchema } from "@/lib/contract/download-result";
import { curlExampleArgs, type ExampleInput, javascriptExample } from "@/lib/v1-api/code-examples";
import { expect, type StackInfo, test } from "./fixtures";
import { runJavaExample, runPythonExample, startOtherOrigin } from "./seed-examples";

// The seed's four download-result examples — cURL, Python, JavaScript in a browser, Java — run
// exactly as printed, with only the host, the job id and the key replaced, against the portal's
// /v1 (a portal API key) and against the simulator (the Jobs API's key).
type Target = "portal" | "simulator";
const TARGETS: Target[] = ["portal", "simulator"];

function inputFor(target: Target, stack: StackInfo, jobId: string): ExampleInput {
  return target === "portal"
    ? { baseUrl: stack.portalUrl, apiKey: stack.portalApiKey, jobId }
    : { baseUrl: stack.simulatorUrl, apiKey: stack.simulatorApiKey, jobId };
}

/** Waits until the job's webhooks have reached the portal and it is completed there (and so upstream too). */
async function waitForCompletedJob(request: APIRequestContext, stack: StackInfo, jobId: string): Promise<void> {
  await expect
    .poll(
      async () => {
        const response = await request.get(`${stack.portalUrl}/v1/jobs/${jobId}`, {
          headers: { authorization: `Bearer ${stack.portalApiKey}` },
        });
        return response.ok() ? ((await response.json()) as { state: string }).state : `HTTP ${response.status()}`;
      },
      { timeout: 30_000, intervals: [250] },
    )
    .toBe("completed");
}

/** The size the download-result call reports for the job's first output, asked the same way. */
async function firstOutputSize(request: APIRequestContext, input: ExampleInput): Promise<number> {
  const response = await request.post(`${input.baseUrl}/v1/jobs/${input.jobId}/download-result`, {
    headers: { authorization: `Bearer ${input.apiKey}` },
    data: { expirationSeconds: 3600 },
  });
  return downloadResultResponseSchema.parse(await response.json()).outputs[0].sizeBytes;
}

for (const target of TARGETS) {
  test.describe(`the seed's examples against the ${target}`, () => {
    let jobId = "";
    test.beforeEach(async ({ stack, simulator, request }) => {
      ({ jobId } = await simulator.createJob("transcribe", {
        mediaUrl: `https://cdn.example.com/media/${target}-example.mp4`,
      }));
      await waitForCompletedJob(request, stack, jobId);
    });

    test("cURL", async ({ stack, request }) => {
      const input = inputFor(target, stack, jobId);
      const output = execFileSync(
        "curl",
        ["--silent", "--show-error", "--write-out", "\n%{http_code}", ...curlExampleArgs(input)],
        { encoding: "utf8" },
      );
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

    test("Python (requests)", async ({ stack, request }) => {
      const input = inputFor(target, stack, jobId);
      const { stdout, savedBytes } = await runPythonExample(input);
      const size = await firstOutputSize(request, input);
      expect(stdout.trim()).toBe(`Downloaded ${size} bytes`);
      expect(savedBytes).toBe(size);
    });

    test("JavaScript, in Chromium, from a page on another origin", async ({ stack, browser, request }) => {
      const other = await startOtherOrigin();
      // A context of its own: the suite's per-test X-Forwarded-For (e2e/fixtures.ts) is a header no
      // browser would add, and CORS would rightly refuse it in the preflight.
      const context = await browser.newContext({ extraHTTPHeaders: {} });
      const page = await context.newPage();
      try {
        const input = inputFor(target, stack, jobId);
        await page.goto(other.url);
        const logs: string[] = [];
        page.on("console", (message) => logs.push(message.text()));
        const downloading = page.waitForEvent("download");
        // The example's top-level awaits run inside an async function, as in a <script type="module">.
        await page.evaluate(
          (code) => new Function(`return (async () => {\n${code}\n})();`)() as Promise<void>,
          javascriptExample(input),
        );
        const download = await downloading;
        const size = await firstOutputSize(request, input);
        expect(download.suggestedFilename()).toBe("output.srt");
        expect((await stat((await download.path())!)).size).toBe(size);
        expect(logs).toContain(`Downloaded ${size} bytes`);
      } finally {
        await context.close();
        await other.close();
      }
    });

    // Against the portal this needs the custom server of branch issue9-limits: Java's HttpClient
    // asks plain-HTTP servers for `Upgrade: h2c`, which `next start` does not survive.
    test("Java (java.net.http, Gson)", async ({ stack, request }) => {
      const input = inputFor(target, stack, jobId);
      const { stdout, savedBytes } = await runJavaExample(input);
      expect(stdout.trim()).toBe("Downloaded to: output.srt");
      expect(savedBytes).toBe(await firstOutputSize(request, input));
    });
  });
}

test.describe("CORS", () => {
  test("the portal's /v1 answers preflights from any origin; session routes stay same-origin", async ({
    stack,
    request,
  }) => {
    const preflight = await request.fetch(`${stack.portalUrl}/v1/jobs/job_abc123/download-result`, {
      method: "OPTIONS",
      headers: {
        origin: "http://127.0.0.1:9",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization,content-type",
      },
    });
    expect(preflight.status()).toBe(204);
    expect(preflight.headers()["access-control-allow-origin"]).toBe("*");
    expect(preflight.headers()["access-control-allow-headers"]).toMatch(/Authorization/);
    expect(preflight.headers()["access-control-allow-credentials"]).toBeUndefined();
    const refused = await request.get(`${stack.portalUrl}/v1/jobs`, { headers: { origin: "http://127.0.0.1:9" } });
    expect(refused.status()).toBe(401);
    expect(refused.headers()["access-control-allow-origin"]).toBe("*");

    for (const path of ["/api/settings/connection", "/api/jobs", "/api/health"]) {
      const response = await request.get(`${stack.portalUrl}${path}`, { headers: { origin: "http://127.0.0.1:9" } });
      expect(response.headers()["access-control-allow-origin"], path).toBeUndefined();
    }
  });

  test("a signed-in browser's cookie opens no /v1 door, and another origin cannot read session routes", async ({
    signedInPage: page,
    stack,
  }) => {
    const withCookieOnly = await page.request.get(`${stack.portalUrl}/v1/jobs`);
    expect(withCookieOnly.status()).toBe(401);

    const other = await startOtherOrigin();
    try {
      await page.goto(other.url);
      const outcome = await page.evaluate(async (portalUrl) => {
        try {
          await fetch(`${portalUrl}/api/jobs`, { credentials: "include" });
          return "read";
        } catch {
          return "blocked";
        }
      }, stack.portalUrl);
      expect(outcome).toBe("blocked");
    } finally {
      await other.close();
    }
  });
});
