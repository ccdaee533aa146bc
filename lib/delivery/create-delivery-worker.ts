import "server-only";
import type pg from "pg";
import { evaluateAlerts } from "@/lib/alerts/evaluate-alerts";
import { getPool } from "@/lib/db/pool";
import { env, requireDirectDatabaseUrl } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import { defaultAddressPolicy } from "@/lib/ssrf/default-address-policy";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { type ClaimedDelivery, claimDeliveries } from "./claim-deliveries";
import { createOutcomeRecorder } from "./create-outcome-recorder";
import { disableFailingEndpoints } from "./disable-failing-endpoints";
import { listenForDeliveryWake, type WakeListener } from "./listen-for-delivery-wake";
import { DEFAULT_TIMEOUT_MS } from "./post-webhook";
import { renewLeases } from "./renew-leases";
import { type DeliveryContext, requestFreshLinks, sendDelivery } from "./send-delivery";
import { shareFreshLinks } from "./share-fresh-links";

// A delivery worker: claims due deliveries (claim-deliveries.ts) into at most `concurrency` sends
// in flight, each on its own — a slow endpoint holds its own slots, never a batch, and at most
// its endpoint's and its workspace's share of them. A slot is free again when the HTTP exchange
// is over; outcomes are written behind, batched (create-outcome-recorder.ts), at most `concurrency` of
// them waiting before claiming pauses. It looks for work when woken (LISTEN delivery_wake, one
// connection per worker), when a send finishes while more may be due (or a cap may have held
// some back), and every `pollMs` (retries falling due, lost notifications). Its leases are short
// and renewed while their attempts run (renew-leases.ts); every `sweepMs` it disables endpoints
// that have failed for five days (disable-failing-endpoints.ts). The completed-job links of one
// round are fetched once and shared by its endpoints (share-fresh-links.ts). Any number of
// workers, in any number of processes, share the queue.
export interface DeliveryWorkerOptions {
  pool?: pg.Pool;
  /** LISTEN connection; default DIRECT_DATABASE_URL, else DATABASE_URL. `false`: no LISTEN (polling and wake() only). */
  listen?: string | false;
  clock?: () => number;
  random?: () => number;
  concurrency?: number;
  perEndpointInFlight?: number;
  perWorkspaceInFlight?: number;
  leaseMs?: number;
  pollMs?: number;
  sweepMs?: number;
  timeoutMs?: number;
  policy?: AddressPolicy;
  resolve?: ResolveHost;
  requestLinks?: DeliveryContext["requestLinks"];
  /** Only these workspaces' deliveries (see claim-deliveries.ts). */
  workspaceIds?: readonly string[];
  /** How often the alert rules are checked and the alert outbox sent (lib/alerts); `false`: never. */
  alertsMs?: number | false;
}

export interface DeliveryWorker {
  start(): void;
  /** Looks for due deliveries now. */
  wake(): void;
  /** Stops claiming; sends under way finish and are recorded, claims not yet sent are given back. */
  stop(): Promise<void>;
  readonly inFlight: number;
}

// A crash costs at most this long plus a poll before another worker takes the deliveries over:
// renewed every third of it, a live worker's lease survives two missed renewals.
export const DEFAULT_LEASE_MS = 10_000;
export const DEFAULT_POLL_MS = 1_000;
export const DEFAULT_SWEEP_MS = 60_000;
export const DEFAULT_ALERTS_MS = 30_000;

export function createDeliveryWorker(options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const db = options.pool ?? getPool("delivery");
  const clock = options.clock ?? Date.now;
  const concurrency = options.concurrency ?? env.DELIVERY_CONCURRENCY;
  const leaseMs = options.leaseMs ?? DEFAULT_LEASE_MS;
  const workspaceIds = options.workspaceIds ?? null;
  const claim = {
    perEndpoint: options.perEndpointInFlight ?? env.DELIVERY_ENDPOINT_IN_FLIGHT,
    perWorkspace: options.perWorkspaceInFlight ?? env.DELIVERY_WORKSPACE_IN_FLIGHT,
    leaseMs,
    workspaceIds,
  };
  const context: DeliveryContext = {
    db,
    clock,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    policy: options.policy ?? defaultAddressPolicy(),
    resolve: options.resolve,
    requestLinks: shareFreshLinks(options.requestLinks ?? requestFreshLinks, { clock }),
    record: createOutcomeRecorder(db, clock),
  };
  // Every claimed delivery until its outcome is written; and those whose HTTP exchange is under way.
  const inFlight = new Set<Promise<void>>();
  // The claims whose leases this worker renews: from the claim until the attempt is over.
  const held = new Map<string, number>();
  // Those whose HTTP exchange is over and whose outcome is being written: they hold no slot.
  const settled = new Set<string>();
  let sending = 0;
  const stopping = new AbortController();
  let running = false;
  let claiming = false;
  // Whether due rows may remain: set by a wake, a poll, or a claim that filled every free slot.
  let maybeMore = false;
  // Whether the last claim found an endpoint or workspace at its cap: a finished send may free it.
  let capped = false;
  let scheduled = false;
  let renewing = false;
  const timers: NodeJS.Timeout[] = [];
  let listener: WakeListener | null = null;

  const freeSlots = () => Math.min(concurrency - sending, 2 * concurrency - inFlight.size);

  function launch(delivery: ClaimedDelivery): void {
    let sent = false;
    const onSent = () => {
      if (sent) return;
      sent = true;
      sending -= 1;
      settled.add(delivery.id);
      // Its endpoint's and workspace's slot is free now (the claim leaves `settled` out of the caps).
      if (capped) maybeMore = true;
      if (maybeMore) schedulePump();
    };
    sending += 1;
    held.set(delivery.id, delivery.attemptNumber);
    const task: Promise<void> = sendDelivery(delivery, context, stopping.signal, onSent)
      .catch((error: unknown) =>
        logger.error({ deliveryId: delivery.id, error }, "delivery attempt failed unexpectedly"),
      )
      .finally(() => {
        // Nothing more to renew: if the outcome was not written, the lease runs out and another
        // attempt follows (claim-deliveries.ts bounds how often that can happen in a row).
        held.delete(delivery.id);
        onSent();
        settled.delete(delivery.id);
        inFlight.delete(task);
        if (maybeMore) schedulePump();
      });
    inFlight.add(task);
  }

  async function pump(): Promise<void> {
    if (claiming) return;
    claiming = true;
    try {
      while (running && maybeMore && freeSlots() > 0) {
        maybeMore = false;
        const free = freeSlots();
        const result = await claimDeliveries(db, { nowMs: clock(), limit: free, settled: [...settled], ...claim });
        capped = result.capped;
        for (const delivery of result.deliveries) launch(delivery);
        if (result.deliveries.length === free) maybeMore = true;
      }
    } catch (error) {
      // The database is away: the next poll tries again.
      logger.warn({ error }, "delivery claim failed");
    } finally {
      claiming = false;
    }
  }

  // Many wake-ups in one tick (a burst of notifications, sends finishing together) become one claim.
  function schedulePump(): void {
    if (scheduled || !running) return;
    scheduled = true;
    setImmediate(() => {
      scheduled = false;
      void pump().then(() => {
        if (maybeMore && running && freeSlots() > 0 && !claiming) schedulePump();
      });
    });
  }

  async function renew(): Promise<void> {
    if (renewing || held.size === 0) return;
    renewing = true;
    const claims = [...held].map(([id, attemptNumber]) => ({ id, attemptNumber }));
    try {
      const kept = await renewLeases(db, claims, clock() + leaseMs);
      const lost = claims.filter((claim) => held.has(claim.id) && !kept.has(claim.id));
      // Taken over after a renewal came too late (or finished meanwhile): its outcome will be refused.
      if (lost.length > 0) logger.debug({ deliveryIds: lost.map((claim) => claim.id) }, "delivery leases not renewed");
    } catch (error) {
      logger.warn({ error }, "delivery lease renewal failed");
    } finally {
      renewing = false;
    }
  }

  async function sweep(): Promise<void> {
    try {
      for (const endpoint of await disableFailingEndpoints(db, clock(), workspaceIds)) {
        logger.warn({ endpointId: endpoint.id, workspaceId: endpoint.workspaceId }, "webhook endpoint disabled");
      }
    } catch (error) {
      logger.warn({ error }, "failing-endpoint check failed");
    }
  }

  // Alerts scale with the workers: each checks the rules and sends the outbox (once per alert, lib/alerts).
  let alerting = false;
  async function alert(): Promise<void> {
    if (alerting) return;
    alerting = true;
    await evaluateAlerts({ workspaceIds: workspaceIds ?? undefined }).finally(() => (alerting = false));
  }

  const wake = () => {
    maybeMore = true;
    schedulePump();
  };

  function every(ms: number, task: () => unknown): void {
    const timer = setInterval(task, ms);
    timer.unref();
    timers.push(timer);
  }

  return {
    get inFlight() {
      return inFlight.size;
    },
    start() {
      if (running) return;
      running = true;
      every(options.pollMs ?? DEFAULT_POLL_MS, wake);
      every(Math.max(100, Math.floor(leaseMs / 3)), () => void renew());
      every(options.sweepMs ?? DEFAULT_SWEEP_MS, () => void sweep());
      if (options.alertsMs !== false) every(options.alertsMs ?? DEFAULT_ALERTS_MS, () => void alert());
      const listenUrl = options.listen === undefined ? requireDirectDatabaseUrl() : options.listen;
      if (listenUrl) listener = listenForDeliveryWake(listenUrl, wake);
      wake();
      void sweep();
    },
    wake,
    async stop() {
      running = false;
      stopping.abort();
      await listener?.close();
      while (claiming) await new Promise((resolve) => setTimeout(resolve, 5));
      // Leases are renewed until the last attempt under way is recorded.
      await Promise.allSettled([...inFlight]);
      for (const timer of timers.splice(0)) clearInterval(timer);
    },
  };
}
