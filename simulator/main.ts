import { randomBytes } from "node:crypto";
import { loadSimulatorConfig, USAGE } from "./config";
import { startSimulator } from "./server";

// CLI entry: `tsx simulator/main.ts` (npm run simulator). Runs until SIGINT or SIGTERM.

function loadConfig() {
  try {
    return loadSimulatorConfig();
  } catch (error) {
    console.error(error instanceof Error ? error.message : String(error));
    console.error(USAGE);
    process.exit(2);
  }
}

const config = loadConfig();
if (config.help) {
  console.log(USAGE);
  process.exit(0);
}

const apiKey = config.apiKey ?? `sk_sim_${randomBytes(24).toString("base64url")}`;
const simulator = await startSimulator({
  ...config.options,
  apiKey,
  log: (line) => console.log(`[simulator] ${line}`),
});

const target = simulator.getWebhookTarget();
console.log(`Jobs API simulator listening on ${simulator.url}`);
console.log(`  API key:  ${apiKey}${config.apiKey ? "" : " (generated; set SIMULATOR_API_KEY to choose one)"}`);
console.log(
  `  webhooks: ${target ? `${target.url} (signing: ${target.signing})` : "none (set SIMULATOR_WEBHOOK_URL and SIMULATOR_WEBHOOK_SECRET)"}`,
);
console.log(`  speed x${config.options.speed}, autopilot ${config.options.autopilotPerMinute} jobs/min`);

let stopping = false;
for (const signal of ["SIGINT", "SIGTERM"] as const) {
  process.on(signal, () => {
    // A second Ctrl-C does not wait for the graceful path.
    if (stopping) process.exit(1);
    stopping = true;
    console.log(`[simulator] ${signal}: shutting down`);
    simulator.close().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  });
}
