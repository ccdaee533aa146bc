import "server-only";
import pg from "pg";
import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";
import { directConnectionConfig } from "./pool";

// A dedicated LISTEN connection (a pooled client cannot LISTEN: it is handed to others between
// queries) that stays alive or says it was lost. A connection can die silently — a NAT or
// firewall forgets it, the server's host vanishes — and TCP alone notices only after hours, while
// notifications simply stop. So besides TCP keepalive (short delay) it proves itself with a round
// trip (SELECT 1) every `checkEveryMs`; a check that fails or takes longer than `checkTimeoutMs`
// drops the connection, and a new one is made with backoff. Notifications sent while no
// connection listened are lost: `onConnected` runs after every (re)connection with the moment the
// previous connection was last known to be alive, so the owner catches up from the database.
export interface ListenOptions {
  /** For logs. */
  name: string;
  channels: readonly string[];
  /** Default: DIRECT_DATABASE_URL (else DATABASE_URL) with the pools' settings. */
  connectionString?: string;
  onNotification(message: pg.Notification): void;
  /** After the first connection (`lastAliveAt` null) and after every reconnection. */
  onConnected(info: { lastAliveAt: number | null }): void;
  checkEveryMs?: number;
  checkTimeoutMs?: number;
}

export interface Listener {
  close(): Promise<void>;
  readonly connected: boolean;
}

const MAX_BACKOFF_MS = 30_000;
const CHANNEL = /^[a-z_][a-z0-9_]*$/;

/** Closes a client whose socket may be dead: end() alone can wait for an answer that never comes. */
function destroy(client: pg.Client): void {
  client.removeAllListeners("notification");
  client.on("error", () => undefined);
  (client as unknown as { connection?: { stream?: { destroy(): void } } }).connection?.stream?.destroy();
  void client.end().catch(() => undefined);
}

export function listenWithReconnect(options: ListenOptions): Listener {
  for (const channel of options.channels) if (!CHANNEL.test(channel)) throw new Error(`bad channel name ${channel}`);
  const checkEveryMs = options.checkEveryMs ?? env.DATABASE_LISTEN_CHECK_MS;
  const checkTimeoutMs = options.checkTimeoutMs ?? Math.min(5_000, checkEveryMs);
  let client: pg.Client | null = null;
  let closed = false;
  let attempts = 0;
  let retryTimer: NodeJS.Timeout | null = null;
  let checkTimer: NodeJS.Timeout | null = null;
  // When a connection was last known to be alive (connected, a notification, a passed check).
  let lastAliveAt: number | null = null;
  let everConnected = false;

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

  const lose = (lost: pg.Client, reason: unknown) => {
    if (client !== lost) return;
    logger.warn({ error: reason }, `${options.name}: LISTEN connection lost, reconnecting`);
    client = null;
    if (checkTimer) clearInterval(checkTimer);
    checkTimer = null;
    destroy(lost);
    scheduleReconnect();
  };

  const check = async (current: pg.Client) => {
    let timer: NodeJS.Timeout | undefined;
    const timeout = new Promise<never>((_, reject) => {
      timer = setTimeout(() => reject(new Error(`no answer to SELECT 1 within ${checkTimeoutMs} ms`)), checkTimeoutMs);
    });
    try {
      await Promise.race([current.query("SELECT 1"), timeout]);
      if (client === current) lastAliveAt = Date.now();
    } catch (error) {
      lose(current, error);
    } finally {
      clearTimeout(timer);
    }
  };

  async function connect(): Promise<void> {
    if (closed) return;
    const config = directConnectionConfig();
    const next = new pg.Client({
      ...config,
      connectionString: options.connectionString ?? config.connectionString,
      // Tells operators (and tests) in pg_stat_activity which connection this is.
      application_name: `jobs-portal listen ${options.channels.join(",")}`,
    });
    next.on("error", (error) => lose(next, error));
    next.on("end", () => lose(next, new Error("connection ended")));
    try {
      await next.connect();
      next.on("notification", (message) => {
        lastAliveAt = Date.now();
        options.onNotification(message);
      });
      for (const channel of options.channels) await next.query(`LISTEN ${channel}`);
    } catch (error) {
      logger.warn({ error }, `${options.name}: could not LISTEN`);
      next.removeAllListeners("end");
      destroy(next);
      scheduleReconnect();
      return;
    }
    if (closed) return destroy(next);
    const previousAliveAt = everConnected ? lastAliveAt : null;
    client = next;
    everConnected = true;
    attempts = 0;
    lastAliveAt = Date.now();
    let checking = false;
    checkTimer = setInterval(() => {
      if (checking) return;
      checking = true;
      void check(next).finally(() => (checking = false));
    }, checkEveryMs);
    checkTimer.unref();
    options.onConnected({ lastAliveAt: previousAliveAt });
  }

  void connect();
  return {
    get connected() {
      return client !== null;
    },
    async close() {
      closed = true;
      if (retryTimer) clearTimeout(retryTimer);
      if (checkTimer) clearInterval(checkTimer);
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
