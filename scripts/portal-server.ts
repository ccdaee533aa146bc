// The portal's HTTP server: Next.js's request handler behind lib/server/create-portal-server.ts
// (client address, body ceiling, 413 closes, h2c as HTTP/1.1, fixed security headers).
// `tsx scripts/portal-server.ts` serves the production build (npm start, npm run demo, e2e);
// `--dev` serves the app in development mode (npm run dev). Listens on HOST (default: every
// interface) and PORT. SIGTERM/SIGINT: stop accepting, finish what is under way, exit.
import { EventEmitter } from "node:events";
import type { Server } from "node:http";

const dev = process.argv.includes("--dev");
// Before anything reads it: Next.js and lib/env decide production behaviour from NODE_ENV.
(process.env as Record<string, string>).NODE_ENV = dev ? "development" : "production";
// tsx, which runs this file, turns Node's source-map support on for the whole process; Node then
// reads and keeps the map of every chunk of the production build it loads: ~70 MB of heap and
// ~120 MB resident (bench:jobs, portal before and after), while `next start` runs without it.
// Off in production (stack traces name the built chunks, as under `next start`); on in development.
if (!dev) process.setSourceMapsEnabled(false);

const { env } = await import("@/lib/env");

function fail(message: string): never {
  console.error(`error: ${message}`);
  process.exit(1);
}

const { missingPublicUrl } = await import("./lib/portal-env");
const missing = missingPublicUrl();
if (missing) fail(missing);

const { markClientAddressHeaderSet } = await import("@/lib/http/get-client-address");
const { parseTrustedProxies } = await import("@/lib/http/resolve-client-address");
const { createPortalServer } = await import("@/lib/server/create-portal-server");
const { MAX_WEBHOOK_BODY_BYTES } = await import("@/lib/http/body-limits");
const { NEXT_AUTH_MAX_BODY_BYTES } = await import("@/lib/http/body-limits");
const { default: next } = await import("next");

let trustedProxies;
try {
  trustedProxies = parseTrustedProxies(env.TRUSTED_PROXIES);
} catch (error) {
  fail(error instanceof Error ? error.message : String(error));
}
markClientAddressHeaderSet();

// Next attaches an 'upgrade' listener to the server it is given (or finds through the first
// request). Any such listener makes Node hand every Upgrade request — h2c too — to it instead of
// answering it as HTTP/1.1, so Next gets a server of its own that never listens.
const app = next({
  dev,
  dir: process.cwd(),
  hostname: env.HOST,
  port: env.PORT,
  httpServer: new EventEmitter() as Server,
});
await app.prepare();

const server = createPortalServer({
  handle: app.getRequestHandler(),
  upgradeWebSocket: dev ? app.getUpgradeHandler() : undefined,
  trustedProxies,
  maxBodyBytes: MAX_WEBHOOK_BODY_BYTES,
  pathBodyLimits: [{ prefix: "/api/auth/", maxBytes: NEXT_AUTH_MAX_BODY_BYTES }],
  https: env.NEXTAUTH_URL?.startsWith("https:") ?? false,
});
server.on("error", (error) =>
  fail(`cannot listen on ${env.HOST ?? "every interface"}, port ${env.PORT}: ${error.message}`),
);
server.listen(env.PORT, env.HOST, () => {
  console.log(`portal listening on ${env.HOST ?? "every interface"}, port ${env.PORT}${dev ? " (development)" : ""}`);
});

// Open live streams (SSE) would hold server.close() forever: they get a moment, then are cut.
const DRAIN_MS = 3_000;
const CLOSE_MS = 3_000;
const { runUntilSignal } = await import("./lib/run-until-signal");
runUntilSignal(async (signal) => {
  const closed = new Promise<void>((resolve) => server.close(() => resolve()));
  server.closeIdleConnections();
  const cut = setTimeout(() => server.closeAllConnections(), DRAIN_MS);
  await closed;
  clearTimeout(cut);
  // Next's development server (Turbopack) may not finish closing; its work is not worth waiting for.
  await Promise.race([app.close(), new Promise((resolve) => setTimeout(resolve, CLOSE_MS).unref())]);
  console.log(`portal stopped (${signal})`);
});
