import "server-only";
import type pg from "pg";
import { getPool } from "@/lib/db/pool";
import { requireDatabaseUrl } from "@/lib/env";
import { logger } from "@/lib/http/logger";
import type { AddressPolicy } from "@/lib/ssrf/classify-address";
import { defaultAddressPolicy } from "@/lib/ssrf/default-address-policy";
import type { ResolveHost } from "@/lib/ssrf/resolve-host";
import { claimDeliveries } from "./claim-deliveries";
import { createOutcomeRecorder } from "./group-outcomes";
import { listenForDeliveryWake, type WakeListener } from "./listen-delivery-wake";
import { DEFAULT_TIMEOUT_MS } from "./post-webhook";
import { requestFreshLinks, sendDelivery, type DeliveryContext } from "./send-delivery";

// A delivery worker: claims due deliveries (claim-deliveries.ts) into at most `concurrency` sends
// in flight, each on its own — a slow endpoint holds its own slots, never a batch. A slot is free
// again when the HTTP exchange is over; outcomes are written behind, batched (group-outcomes.ts),
// at most `concurrency` of them waiting before claiming pauses. It looks for
// work when woken (LISTEN delivery_wake, one connection per worker), when a send finishes while
// more may be due, and every `pollMs` (retries falling due, lost notifications). Any number of
// workers, in any number of processes, share the queue.
export interface DeliveryWorkerOptions {
  pool?: pg.Pool;
  /** LISTEN connection; default DATABASE_URL. `false`: no LISTEN (polling and wake() only). */
  listen?: string | false;
  clock?: () => number;
  random?: () => number;
  concurrency?: number;
  perEndpointInFlight?: number;
  leaseMs?: number;
  pollMs?: number;
  timeoutMs?: number;
  policy?: AddressPolicy;
  resolve?: ResolveHost;
  requestLinks?: DeliveryContext["requestLinks"];
  /** Only this workspace's deliveries (see claim-deliveries.ts). */
  workspaceId?: string;
}

export interface DeliveryWorker {
  start(): void;
  /** Looks for due deliveries now. */
  wake(): void;
  /** Stops claiming; sends under way finish and are recorded, claims not yet sent are given back. */
  stop(): Promise<void>;
  readonly inFlight: number;
}

export const DEFAULT_CONCURRENCY = 32;
export const DEFAULT_PER_ENDPOINT_IN_FLIGHT = 16;
// Longer than the slowest attempt (download links ≤ 10 s + the 15 s send), so a live worker's
// lease never runs out under it.
export const DEFAULT_LEASE_MS = 60_000;
export const DEFAULT_POLL_MS = 1_000;

export function createDeliveryWorker(options: DeliveryWorkerOptions = {}): DeliveryWorker {
  const db = options.pool ?? getPool("delivery");
  const clock = options.clock ?? Date.now;
  const concurrency = options.concurrency ?? DEFAULT_CONCURRENCY;
  const claim = {
    perEndpoint: options.perEndpointInFlight ?? DEFAULT_PER_ENDPOINT_IN_FLIGHT,
    leaseMs: options.leaseMs ?? DEFAULT_LEASE_MS,
    workspaceId: options.workspaceId ?? null,
  };
  const context: DeliveryContext = {
    db,
    clock,
    random: options.random ?? Math.random,
    timeoutMs: options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    policy: options.policy ?? defaultAddressPolicy(),
    resolve: options.resolve,
    requestLinks: options.requestLinks ?? requestFreshLinks,
    record: createOutcomeRecorder(db, clock),
  };
  // Every claimed delivery until its outcome is written; and those whose HTTP exchange is under way.
  const inFlight = new Set<Promise<void>>();
  let sending = 0;
  const stopping = new AbortController();
  let running = false;
  let claiming = false;
  // Whether due rows may remain: set by a wake, a poll, or a claim that filled every free slot.
  let maybeMore = false;
  let scheduled = false;
  let pollTimer: NodeJS.Timeout | null = null;
  let listener: WakeListener | null = null;

  const freeSlots = () => Math.min(concurrency - sending, 2 * concurrency - inFlight.size);

  function launch(delivery: Parameters<typeof sendDelivery>[0]): void {
    let sent = false;
    const onSent = () => {
      if (sent) return;
      sent = true;
      sending -= 1;
      if (maybeMore) schedulePump();
    };
    sending += 1;
    const task: Promise<void> = sendDelivery(delivery, context, stopping.signal, onSent)
      .catch((error: unknown) => logger.error("delivery attempt failed unexpectedly", { deliveryId: delivery.id, error }))
      .finally(() => {
        onSent();
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
        const claimed = await claimDeliveries(db, { nowMs: clock(), limit: free, ...claim });
        for (const delivery of claimed) launch(delivery);
        if (claimed.length === free) maybeMore = true;
      }
    } catch (error) {
      // The database is away: the next poll tries again.
      logger.warn("delivery claim failed", { error });
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

  const wake = () => {
    maybeMore = true;
    schedulePump();
  };

  return {
    get inFlight() {
      return inFlight.size;
    },
    start() {
      if (running) return;
      running = true;
      pollTimer = setInterval(wake, options.pollMs ?? DEFAULT_POLL_MS);
      pollTimer.unref();
      const listenUrl = options.listen === undefined ? requireDatabaseUrl() : options.listen;
      if (listenUrl) listener = listenForDeliveryWake(listenUrl, wake);
      wake();
    },
    wake,
    async stop() {
      running = false;
      if (pollTimer) clearInterval(pollTimer);
      stopping.abort();
      await listener?.close();
      while (claiming) await new Promise((resolve) => setTimeout(resolve, 5));
      await Promise.allSettled([...inFlight]);
    },
  };
}
