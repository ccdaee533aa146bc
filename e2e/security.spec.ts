import { execFileSync } from "node:child_process";
import { randomBytes } from "node:crypto";
import path from "node:path";
import type { Page } from "@playwright/test";
import { rawExchange, statusCodes } from "@/lib/server/testing/raw-http";
import { expect, ORIGIN, PORTAL_URL, screenshotPath, signUp, test } from "./fixtures";

const uniqueEmail = (label: string) => `${label}-${randomBytes(4).toString("hex")}@example.com`;
const port = Number(new URL(PORTAL_URL).port);

test.describe("security headers", () => {
  test("a page: CSP with a fresh nonce, no framing, nosniff, referrer policy", async ({ request }) => {
    const first = await request.get("/sign-in");
    const second = await request.get("/sign-in");
    const csp = first.headers()["content-security-policy"];
    expect(csp).toMatch(/script-src 'self' 'nonce-[A-Za-z0-9+/=]{16,}' 'strict-dynamic'/);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("object-src 'none'");
    expect(csp).not.toContain("unsafe-eval");
    expect(second.headers()["content-security-policy"]).not.toBe(csp); // a nonce per request
    expect(first.headers()).toMatchObject({
      "x-frame-options": "DENY",
      "x-content-type-options": "nosniff",
      "referrer-policy": "strict-origin-when-cross-origin",
    });
    // The page's own inline script carries the nonce the header names.
    const nonce = /'nonce-([^']+)'/.exec(csp)![1];
    expect(await first.text()).toContain(`nonce="${nonce}"`);
    expect(first.headers()["strict-transport-security"]).toBeUndefined(); // plain http here
  });

  test("a route: nosniff, no framing, and a CSP that allows nothing", async ({ request }) => {
    for (const url of ["/api/health", "/v1/jobs"]) {
      const response = await request.get(url);
      expect(response.headers(), url).toMatchObject({
        "x-frame-options": "DENY",
        "x-content-type-options": "nosniff",
        "referrer-policy": "strict-origin-when-cross-origin",
        "content-security-policy": "default-src 'none'; frame-ancestors 'none'",
      });
    }
  });

  test("the main pages run under the CSP without a single violation", async ({ signedInPage: page, simulator }) => {
    const violations = await watchCspViolations(page);
    const { jobId } = await simulator.createJob("transcribe", {
      mediaUrl: "https://media.example.com/csp-check.mp4",
      sourceLanguage: "en",
    });
    const pages = ["/jobs", `/jobs/${jobId}`, "/settings", "/settings/webhooks", "/settings/api-keys", "/api-docs"];
    for (const url of pages) {
      await test.step(url, async () => {
        await page.goto(url);
        await expect(page.getByTestId("workspace-name")).toBeVisible();
        await page.waitForLoadState("networkidle");
        await violations.check();
      });
    }
    await test.step("client code runs: the theme toggle switches the colour scheme", async () => {
      const isDark = () => page.evaluate(() => document.documentElement.classList.contains("dark"));
      await page.getByTitle("Dark").click();
      await expect.poll(isDark).toBe(true);
      await page.getByTitle("Light").click();
      await expect.poll(isDark).toBe(false);
      await violations.check();
    });
    await page.context().clearCookies();
    for (const url of ["/sign-in", "/sign-up"]) {
      await page.goto(url);
      await page.waitForLoadState("networkidle");
      await violations.check();
    }
    expect(violations.all()).toEqual([]);
  });
});

/**
 * Every CSP violation the browser reports, as `securitypolicyviolation` events and console errors.
 * The events are kept in the page, so `check()` reads them before the next navigation drops them.
 */
async function watchCspViolations(page: Page) {
  const reported: string[] = [];
  page.on("console", (message) => {
    if (/Content[- ]Security[- ]Policy/i.test(message.text())) reported.push(message.text());
  });
  await page.addInitScript(() => {
    const list: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = list;
    document.addEventListener("securitypolicyviolation", (event) =>
      list.push(`${event.violatedDirective} ${event.blockedURI}`),
    );
  });
  return {
    async check(): Promise<void> {
      reported.push(...(await page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations)));
    },
    all: () => reported,
  };
}

test.describe("rate limits", () => {
  test("12 wrong passwords lock the email, and the sign-in page says until when", async ({ page }) => {
    const email = uniqueEmail("locked");
    const password = "the-right-password-1";
    await signUp(page, { email, password });
    await page.context().clearCookies();

    const attempt = async (candidate: string) => {
      const { csrfToken } = (await (await page.request.get("/api/auth/csrf")).json()) as { csrfToken: string };
      const response = await page.request.post("/api/auth/callback/credentials", {
        form: { csrfToken, email, password: candidate, json: "true" },
      });
      return new URL(((await response.json()) as { url: string }).url).searchParams.get("error");
    };
    const errors: Array<string | null> = [];
    for (let i = 0; i < 12; i++) errors.push(await attempt(`wrong-password-${i}`));
    expect(errors.slice(0, 9)).toEqual(Array(9).fill("CredentialsSignin"));
    // The 10th wrong password locks the email; the 11th and 12th are refused before any hashing.
    for (const error of errors.slice(9)) expect(error).toMatch(/^SignInLocked:\d+$/);

    await page.goto("/sign-in");
    await page.getByRole("textbox", { name: "Email", exact: true }).fill(email);
    await page.getByLabel("Password", { exact: true }).fill(password);
    await page.getByRole("button", { name: "Sign in" }).click();
    await expect(page.getByRole("alert").filter({ hasText: "Too many failed sign-ins" })).toHaveText(
      /Too many failed sign-ins for this email\. It is locked for now: try again in 1[45] minutes\./,
    );
    await expect(page).toHaveURL(/\/sign-in/);
    await page.screenshot({ path: screenshotPath("sign-in-locked"), fullPage: true });
  });

  test("a sign-up flood from one address: the 6th is refused with 429 and Retry-After, before its body is read", async ({
    request,
  }) => {
    // Each request also forges the portal's internal client-address header: the server replaces it.
    let forged = 0;
    const signUpAs = (data: unknown) =>
      request.post("/api/sign-up", { data, headers: { ...ORIGIN, "x-portal-client-ip": `198.51.100.${++forged}` } });
    for (let i = 0; i < 5; i++) {
      const response = await signUpAs({
        name: "Flood",
        email: uniqueEmail("flood"),
        password: "long-enough-password",
        workspaceName: "Flood",
      });
      expect(response.status(), await response.text()).toBe(202);
    }
    const refused = await signUpAs({
      name: "Flood",
      email: uniqueEmail("flood"),
      password: "long-enough-password",
      workspaceName: "Flood",
    });
    expect(refused.status()).toBe(429);
    expect(Number(refused.headers()["retry-after"])).toBeGreaterThan(0);
    expect(await refused.json()).toEqual({
      error: {
        code: "RATE_LIMITED",
        message: expect.stringMatching(/^Too many sign-ups from your network\. Try again in \d+ minutes?\.$/),
      },
    });
    // Not even read: an invalid body is refused for the limit, not for being invalid.
    const unread = await request.post("/api/sign-up", {
      data: "not json",
      headers: { ...ORIGIN, "content-type": "application/json" },
    });
    expect(unread.status()).toBe(429);
  });

  test("invalid API keys from one address: 429 after 20, before any lookup — a valid key too", async ({
    request,
    stack,
  }) => {
    const statuses: number[] = [];
    for (let i = 0; i < 21; i++) {
      statuses.push(
        (await request.get("/v1/jobs", { headers: { authorization: `Bearer jp_live_wrong${i}` } })).status(),
      );
    }
    expect(statuses).toEqual([...Array(20).fill(401), 429]);
    const valid = await request.get("/v1/jobs", { headers: { authorization: `Bearer ${stack.portalApiKey}` } });
    expect(valid.status()).toBe(429);
    expect(Number(valid.headers()["retry-after"])).toBeGreaterThan(0);
  });
});

test.describe("request bodies", () => {
  const OVER_ROUTE_CAP = 100 * 1024; // above the 64 KiB JSON cap, below the server's 1 MiB ceiling
  const chunked = (bytes: number) => {
    const chunk = "a".repeat(4096);
    return `${Array.from({ length: Math.ceil(bytes / 4096) }, () => `1000\r\n${chunk}\r\n`).join("")}0\r\n\r\n`;
  };
  const next = "GET /api/health HTTP/1.1\r\nHost: 127.0.0.1\r\n\r\n";

  async function expectRefusedAndClosed(label: string, head: string, body: string | Buffer, maxBytes: number) {
    const { received, ended } = await rawExchange(port, [head, body, next]);
    expect(statusCodes(received), label).toEqual([413]); // the pipelined request after it is not served
    expect(received, label).toMatch(/\r\nconnection: close\r\n/i);
    expect(received, label).toContain(
      `{"error":{"code":"PAYLOAD_TOO_LARGE","message":"Request body must be at most ${maxBytes} bytes"}}`,
    );
    expect(ended, label).toBe("end"); // closed with a FIN after the answer, not reset
  }

  test("oversized bodies on every public and session route: 413 in the envelope, and the connection closed cleanly", async ({
    page,
  }) => {
    await signUp(page, { email: uniqueEmail("bodies") });
    const cookie = (await page.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
    const common = `Host: 127.0.0.1:${port}\r\nOrigin: ${PORTAL_URL}\r\nCookie: ${cookie}\r\nContent-Type: application/json\r\n`;
    const routes: Array<[string, string, number]> = [
      ["POST", "/api/sign-up", 64 * 1024],
      ["POST", "/api/auth/callback/credentials", 16 * 1024],
      ["POST", "/api/api-keys", 64 * 1024],
      ["DELETE", "/api/api-keys/key_missing", 64 * 1024],
      ["POST", "/api/deliveries/del_missing/resend", 64 * 1024],
      ["POST", "/api/jobs/job_missing/download", 64 * 1024],
      ["PUT", "/api/settings/connection", 64 * 1024],
      ["POST", "/api/settings/connection/test", 64 * 1024],
      ["POST", "/api/settings/inbound-secret/rotate", 64 * 1024],
      ["POST", "/api/webhook-endpoints", 64 * 1024],
      ["PATCH", "/api/webhook-endpoints/ep_missing", 64 * 1024],
      ["DELETE", "/api/webhook-endpoints/ep_missing", 64 * 1024],
      ["POST", "/api/webhook-endpoints/ep_missing/enable", 64 * 1024],
      ["POST", "/api/webhook-endpoints/ep_missing/replay", 64 * 1024],
      ["POST", "/api/webhook-endpoints/ep_missing/secret/rotate", 64 * 1024],
      ["POST", "/api/webhook-endpoints/ep_missing/test", 64 * 1024],
    ];
    for (const [method, url, maxBytes] of routes) {
      await test.step(`${method} ${url}`, async () => {
        await expectRefusedAndClosed(
          `${method} ${url} Content-Length`,
          `${method} ${url} HTTP/1.1\r\n${common}Content-Length: ${OVER_ROUTE_CAP}\r\n\r\n`,
          "a".repeat(OVER_ROUTE_CAP),
          maxBytes,
        );
        await expectRefusedAndClosed(
          `${method} ${url} chunked`,
          `${method} ${url} HTTP/1.1\r\n${common}Transfer-Encoding: chunked\r\n\r\n`,
          chunked(OVER_ROUTE_CAP),
          maxBytes,
        );
      });
    }
  });

  test("the server's ceiling: a declared body over 1 MiB is refused before Next reads it; chunked webhooks over 1 MiB too", async ({
    stack,
  }) => {
    const oneMiB = 1024 * 1024;
    const webhook = (framing: string) =>
      `POST /api/webhooks/demo HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n${framing}\r\n\r\n`;
    await expectRefusedAndClosed(
      "declared",
      webhook(`Content-Length: ${oneMiB + 1}`),
      Buffer.alloc(oneMiB + 1, "a"),
      oneMiB,
    );
    await expectRefusedAndClosed("chunked", webhook("Transfer-Encoding: chunked"), chunked(oneMiB + 4096), oneMiB);
    const v1 = `POST /v1/jobs/job_missing/download-result HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer ${stack.portalApiKey}\r\nContent-Type: application/json\r\n`;
    await expectRefusedAndClosed(
      "/v1 chunked",
      `${v1}Transfer-Encoding: chunked\r\n\r\n`,
      chunked(32 * 1024),
      16 * 1024,
    );
  });
});

test.describe("Upgrade: h2c", () => {
  test("curl --http2 over http is answered as HTTP/1.1", async () => {
    const out = execFileSync(
      "curl",
      ["-sS", "--http2", "-o", "-", "-w", "\n%{http_version} %{http_code}", `${PORTAL_URL}/api/health`],
      { encoding: "utf8" },
    );
    expect(out).toMatch(/"status":"ok"/);
    expect(out.trim().split("\n").at(-1)).toBe("1.1 200");
  });

  test("Java's default HttpClient (the documentation's Java example) gets its answers over HTTP/1.1", async ({
    stack,
  }) => {
    const client = path.resolve("e2e/clients/H2cClient.java");
    const out = execFileSync("java", [client, PORTAL_URL, stack.portalApiKey], { encoding: "utf8", timeout: 60_000 })
      .trim()
      .split("\n");
    expect(out[0]).toMatch(/^HTTP_1_1 200 \{"status":"ok"/);
    expect(out[1]).toBe('HTTP_1_1 404 {"error":{"code":"RESOURCE_NOT_FOUND","message":"Job not found"}}');
  });
});
