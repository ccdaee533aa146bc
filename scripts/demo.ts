// npm run demo — the whole product on this machine, with nothing installed or configured:
// embedded PostgreSQL, migrations, the demo workspace, the simulator and the production portal.
import { env } from "@/lib/env";
import { describeHmacExpectation, VERIFICATION_LABELS } from "@/lib/inbound/describe-profile";
import { runUntilSignal } from "./lib/run-until-signal";
import { startStack } from "./lib/stack";

const log = (line: string) => console.log(`[demo] ${line}`);
const started = Date.now();
const stack = await startStack({
  // This machine only unless HOST says otherwise: the demo's password is well known.
  host: env.HOST ?? "127.0.0.1",
  portalPort: env.PORT,
  simulatorPort: env.SIMULATOR_PORT,
  speed: env.SIMULATOR_SPEED,
  signing: env.SIMULATOR_SIGNING,
  autopilotPerMinute: env.SIMULATOR_AUTOPILOT ?? 6,
  databaseDir: "postgres",
  fresh: false,
  mail: "print",
  log,
}).catch((error: unknown) => {
  console.error(`error: ${error instanceof Error ? error.message : error}`);
  process.exit(1);
});

/** Who may make an account (SIGN_UP): the demo's default is anyone, which a public portal should not keep. */
function describeSignUp(): string {
  const policy = env.SIGN_UP;
  if (policy.kind === "invite-only") return "invite only";
  if (policy.kind === "domains") return `addresses at ${policy.domains.join(", ")}, anyone else by invite`;
  return "open to anyone (set SIGN_UP=invite-only or domains:example.com before exposing the portal)";
}

/** The secret line: the secret the simulator signs with and how (SIMULATOR_SIGNING), or what stands in for it. */
function describeInboundSecret(): string {
  const profile = stack.inboundProfile;
  if (profile.kind === "url_token")
    return "Inbound secret      none: the simulator signs nothing; the token at the end of the URL above is the secret";
  const how = profile.kind === "hmac" ? `HMAC, ${describeHmacExpectation(profile)}` : VERIFICATION_LABELS[profile.kind];
  return `Inbound secret      ${stack.inboundSecret}   (${how})`;
}

console.log(`
  Jobs Portal is running (ready in ${Math.round((Date.now() - started) / 1000)} s)

  Portal              ${stack.portalUrl}
  Sign in             ${stack.email} / ${stack.password}
  Sign-up             ${describeSignUp()}
  Portal API key      ${stack.secrets.demoApiKey}
  Inbound webhook     ${stack.inboundWebhookUrl}
  ${describeInboundSecret()}
  Simulator (upstream) ${stack.simulatorUrl}  (key ${stack.secrets.simulatorApiKey})
  Mail                ${stack.localSmtpUrl ? `local SMTP server ${stack.localSmtpUrl}: every mail is printed here with its links` : "through your EMAIL_SERVER"}

  Try:  curl -X POST ${stack.simulatorUrl}/v1/transcribe \\
          -H "Authorization: Bearer ${stack.secrets.simulatorApiKey}" -H "Content-Type: application/json" \\
          -d '{"mediaUrl": "https://media.example.com/talk.mp4", "sourceLanguage": "en"}'

  Press Ctrl-C to stop.
`);

runUntilSignal(async () => {
  log("stopping the portal, the simulator and PostgreSQL");
  await stack.stop();
  log("stopped");
});
