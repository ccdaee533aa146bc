// The stack the Playwright tests run against (started by playwright.config.ts's webServer):
// a fresh embedded database, the simulator at high speed without autopilot, the production portal.
import { writeFileSync } from "node:fs";
import path from "node:path";
import { VENDOR_URL } from "@/e2e/vendor-url";
import { env } from "@/lib/env";
import { DATA_DIR } from "./lib/local-secrets";
import { runUntilSignal } from "./lib/run-until-signal";
import { startStack } from "./lib/stack";

const stack = await startStack({
  host: "127.0.0.1",
  portalPort: env.E2E_PORT,
  simulatorPort: env.E2E_SIMULATOR_PORT,
  speed: 40,
  autopilotPerMinute: 0,
  databaseDir: "e2e-postgres",
  fresh: true,
  mail: "inbox",
  // A second Jobs API the inbound-verification tests start and connect workspaces to (e2e/vendor-simulator.ts).
  extraJobsApiBaseUrls: [VENDOR_URL],
  // The test runner plays a reverse proxy: each test sends its own X-Forwarded-For
  // (e2e/fixtures.ts), so per-address limits count each test as its own client.
  portalEnv: { TRUSTED_PROXIES: "127.0.0.1,::1" },
  log: (line) => console.log(`[e2e-stack] ${line}`),
});
writeFileSync(
  path.join(DATA_DIR, "e2e-stack.json"),
  JSON.stringify({
    portalUrl: stack.portalUrl,
    simulatorUrl: stack.simulatorUrl,
    simulatorApiKey: stack.secrets.simulatorApiKey,
    portalApiKey: stack.secrets.demoApiKey,
    inboundSecret: stack.secrets.inboundSecret,
    databaseUrl: stack.databaseUrl,
    email: stack.email,
    password: stack.password,
    inboxUrl: stack.inboxUrl,
  }),
  { mode: 0o600 },
);
console.log("[e2e-stack] ready");
runUntilSignal(() => stack.stop());
