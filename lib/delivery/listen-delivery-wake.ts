import pg from "pg";
import { logger } from "@/lib/http/logger";
import { DELIVERY_WAKE_CHANNEL } from "./channel";

// A worker's own LISTEN connection (a pooled client cannot LISTEN: it is handed to others between
// queries). Every notification, and every (re)connection — notifications sent while it was down
// are lost — calls `onWake`; the worker then looks for due rows. Reconnects with backoff forever.
const MAX_BACKOFF_MS = 30_000;

export interface WakeListener {
  close(): Promise<void>;
}

export function listenForDeliveryWake(connectionString: string, onWake: () => void): WakeListener {
  let client: pg.Client | null = null;
  let closed = false;
  let attempts = 0;
  let retryTimer: NodeJS.Timeout | null = null;

  const scheduleReconnect = () => {
    if (closed || retryTimer) return;
    const delay = Math.min(MAX_BACKOFF_MS, 500 * 2 ** attempts) * (0.75 + Math.random() * 0.5);
    attempts += 1;
    retryTimer = setTimeout(() => {
      retryTimer = null;
      void connect();
    }, delay);
    retryTimer.unref();
  };

  const drop = (lost: pg.Client) => {
    if (client !== lost) return;
    client = null;
    lost.removeAllListeners("notification");
    void lost.end().catch(() => undefined);
    scheduleReconnect();
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const next = new pg.Client({ connectionString, connectionTimeoutMillis: 5_000, keepAlive: true });
    next.on("error", (error) => {
      logger.warn("delivery wake listener lost its connection", { error });
      drop(next);
    });
    next.on("end", () => drop(next));
    try {
      await next.connect();
      next.on("notification", (message) => message.channel === DELIVERY_WAKE_CHANNEL && onWake());
      await next.query(`LISTEN ${DELIVERY_WAKE_CHANNEL}`);
      if (closed) {
        await next.end().catch(() => undefined);
        return;
      }
      client = next;
      attempts = 0;
      onWake();
    } catch (error) {
      logger.warn("delivery wake listener could not connect", { error });
      next.removeAllListeners("end");
      void next.end().catch(() => undefined);
      scheduleReconnect();
    }
  }

  void connect();
  return {
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      const current = client;
      client = null;
      if (current) {
        current.removeAllListeners();
        current.on("error", () => undefined);
        await current.end().catch(() => undefined);
      }
    },
  };
}
