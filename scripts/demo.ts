// npm run demo — the whole product on this machine, with nothing installed or configured:
// embedded PostgreSQL, migrations, the demo workspace, the simulator and the production portal.
import { env } from "@/lib/env";
import { startStack } from "./lib/stack";

const log = (line: string) => console.log(`[demo] ${line}`);
const started = Date.now();
const stack = await startStack({
  portalPort: env.PORT,
  simulatorPort: env.SIMULATOR_PORT,
  speed: env.SIMULATOR_SPEED,
  autopilotPerMinute: env.SIMULATOR_AUTOPILOT ?? 6,
  databaseDir: "postgres",
  fresh: false,
  signing: env.SIMULATOR_SIGNING,
  log,
}).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

/** The verification line: the secret, or what stands in for it (SIMULATOR_SIGNING). */
function describeVerification(): string {
  switch (env.SIMULATOR_SIGNING) {
    case "standard":
      return `Inbound secret      ${stack.inboundSecret}   (Standard Webhooks)`;
    case "hmac-hex":
      return `Inbound secret      ${stack.inboundSecret}   (HMAC: X-Hub-Signature-256: sha256=<hex>)`;
    case "hmac-base64-ts":
      return `Inbound secret      ${stack.inboundSecret}   (HMAC: X-Signature, base64 over {timestamp}.{body}, X-Signature-Timestamp)`;
    case "none":
      return "Inbound secret      none: the simulator signs nothing; the token in the URL above is the secret";
  }
}

console.log(`
  Jobs Portal is running (ready in ${Math.round((Date.now() - started) / 1000)} s)

  Portal              ${stack.portalUrl}
  Sign in             ${stack.email} / ${stack.password}
  Portal API key      ${stack.secrets.demoApiKey}
  Inbound webhook     ${stack.inboundWebhookUrl}
  ${describeVerification()}
  Simulator (upstream) ${stack.simulatorUrl}  (key ${stack.secrets.simulatorApiKey})

  Try:  curl -X POST ${stack.simulatorUrl}/v1/transcribe \\
          -H "Authorization: Bearer ${stack.secrets.simulatorApiKey}" -H "Content-Type: application/json" \\
          -d '{"mediaUrl": "https://media.example.com/talk.mp4", "sourceLanguage": "en"}'

  Press Ctrl-C to stop.
`);

let stopping = false;
async function shutdown(): Promise<void> {
  if (stopping) return;
  stopping = true;
  log("stopping the portal, the simulator and PostgreSQL");
  await stack.stop();
  log("stopped");
  process.exit(0);
}
process.on("SIGINT", () => void shutdown());
process.on("SIGTERM", () => void shutdown());
