// Next.js calls register() once when a server instance starts. The portal's Node.js server also
// runs a webhook delivery worker (lib/delivery/start-portal-worker.ts) unless DELIVERY_WORKER=off,
// and its housekeeping (lib/housekeeping/start-housekeeping.ts: the audit log's year, deleted
// workspaces' purges).
export async function register(): Promise<void> {
  // The one read of process.env outside lib/env.ts, on purpose: Next.js replaces this literal
  // expression at build time, which drops the Node.js-only import below from the Edge build of
  // this file. Read through lib/env, the Edge bundle would pull in pg, node:http and the worker.
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  const { startPortalWorker } = await import("./lib/delivery/start-portal-worker");
  startPortalWorker();
  const { startHousekeeping } = await import("./lib/housekeeping/start-housekeeping");
  startHousekeeping();
}
