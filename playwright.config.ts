import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in a real Chromium — Debian's (/usr/bin/chromium, or CHROMIUM_PATH), since
// Playwright's own browser download cannot reach its servers here. The flags keep Chromium from
// calling home, which this machine's closed network would refuse.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
// E2E_PORT lets several checkouts run their suites side by side (scripts/e2e-stack.ts reads it too).
// The stack listens on 127.0.0.1 only (scripts/e2e-stack.ts), and next-auth's URL names it so.
const baseURL = `http://127.0.0.1:${process.env.E2E_PORT ?? 3100}`;

export default defineConfig({
  testDir: "e2e",
  outputDir: ".data/test-results/playwright",
  timeout: 60_000,
  expect: { timeout: 15_000 },
  fullyParallel: false,
  workers: 1,
  retries: 0,
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    ...devices["Desktop Chrome"],
    viewport: { width: 1440, height: 900 },
    launchOptions: {
      executablePath,
      args: [
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
        "--disable-gpu",
        "--no-sandbox",
      ],
    },
  },
  webServer: {
    command: "npx tsx scripts/e2e-stack.ts",
    url: `${baseURL}/api/health`,
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
