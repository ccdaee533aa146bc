import { env } from "@/lib/env";
import { onLocalAnnouncement } from "@/lib/ingest/local-announcements";
import { logger } from "@/lib/log/logger";
import { startRetentionLoop } from "@/lib/retention/create-retention-loop";
import { createDeliveryWorker, type DeliveryWorker } from "./create-delivery-worker";

// The delivery worker inside the portal process (instrumentation.ts), so that `npm start` alone
// delivers webhooks. DELIVERY_WORKER=off leaves delivery to `npm run worker` processes; any mix of
// both is safe, since workers share the queue through row locks and leases.
const globalForWorker = globalThis as unknown as { jobsPortalDeliveryWorker?: DeliveryWorker };

export function startPortalWorker(): void {
  if (globalForWorker.jobsPortalDeliveryWorker) return; // dev-mode reloads register again
  if (!env.DELIVERY_WORKER) {
    logger.info("delivery worker off in this process (DELIVERY_WORKER=off)");
    return;
  }
  // `next build` loads the instrumentation hook too: no database, nothing to deliver.
  if (env.NEXT_PHASE === "phase-production-build") return;
  if (!env.DATABASE_URL) {
    logger.warn("delivery worker not started: DATABASE_URL is not set");
    return;
  }
  const worker = createDeliveryWorker();
  globalForWorker.jobsPortalDeliveryWorker = worker;
  worker.start();
  // Deliveries this process's ingest enqueued are claimed at once, without their NOTIFY's round trip.
  onLocalAnnouncement(({ wakes }) => wakes.length > 0 && worker.wake());
  // Workers also prune history past each workspace's retention (lib/retention).
  const retention = startRetentionLoop();
  logger.info("delivery worker started");
  // Next.js exits on these signals once its server has closed; stopping here gives back the
  // claims not yet sent. Whatever is cut short is retried when its lease expires.
  const stop = () => void Promise.all([worker.stop(), retention.stop()]);
  process.once("SIGTERM", stop);
  process.once("SIGINT", stop);
}
