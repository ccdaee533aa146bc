// npm run worker — a webhook delivery worker as a process of its own, on DATABASE_URL (the
// portal's database). Run any number beside the portal processes, which deliver too unless
// started with DELIVERY_WORKER=off: workers share the queue through row locks and leases.
// SIGINT/SIGTERM: stop claiming, let the sends under way finish and be recorded, give back the
// claims not yet sent, exit. A second signal exits at once (leases then expire and are retried).
// With WORKER_METRICS_PORT (and METRICS_TOKEN) set it answers GET /metrics for Prometheus.
import { applyRuntimeEnv, env } from "@/lib/env";
import { loadLocalSecrets } from "./lib/local-secrets";
import { runUntilSignal } from "./lib/run-until-signal";

const log = (line: string) => console.log(`[worker] ${line}`);

if (!env.DATABASE_URL) {
  process.stderr.write("error: DATABASE_URL is not set — point it at the portal's PostgreSQL database\n");
  process.exit(1);
}
// Same key as `npm start` and the demo, which keep it under .data/ when the environment has none.
if (!env.APP_ENCRYPTION_KEY) applyRuntimeEnv({ APP_ENCRYPTION_KEY: loadLocalSecrets().encryptionKey });

const { createDeliveryWorker } = await import("@/lib/delivery/create-delivery-worker");
const { startRetentionLoop } = await import("@/lib/retention/create-retention-loop");
const { closePool } = await import("@/lib/db/pool");
const { disconnectPrisma } = await import("@/lib/db/client");
const { serveMetrics } = await import("@/lib/metrics/serve-metrics");

const worker = createDeliveryWorker();
worker.start();
// Workers also prune history past each workspace's retention (lib/retention).
const retention = startRetentionLoop();
// GET /metrics on WORKER_METRICS_PORT: this process's attempts, latencies and pruning (README, Metrics).
const metrics = env.WORKER_METRICS_PORT ? await serveMetrics(env.WORKER_METRICS_PORT, env.HOST) : undefined;
if (metrics && !env.METRICS_TOKEN) log("WORKER_METRICS_PORT is set but METRICS_TOKEN is not: /metrics answers 404");
log(`delivering webhooks (pid ${process.pid})${metrics ? `, metrics on port ${metrics.port}` : ""}; Ctrl-C to stop`);

runUntilSignal(
  async (signal) => {
    log(`${signal}: finishing ${worker.inFlight} delivery attempt(s) under way`);
    await Promise.all([worker.stop(), retention.stop(), metrics?.close()]);
    await disconnectPrisma();
    await closePool();
    log("stopped");
  },
  { secondSignal: "exit" },
);
