import { defineConfig, devices } from "@playwright/test";

// End-to-end tests in a real Chromium — Debian's (/usr/bin/chromium, or CHROMIUM_PATH), since
// Playwright's own browser download cannot reach its servers here. The flags keep Chromium from
// calling home, which this machine's closed network would refuse.
const executablePath = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

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
    baseURL: "http://localhost:3100",
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
    url: "http://localhost:3100/api/health",
    timeout: 300_000,
    reuseExistingServer: !process.env.CI,
    stdout: "pipe",
    stderr: "pipe",
    gracefulShutdown: { signal: "SIGTERM", timeout: 20_000 },
  },
});
