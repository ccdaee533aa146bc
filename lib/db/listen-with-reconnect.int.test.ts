import type pg from "pg";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { requireDirectDatabaseUrl } from "@/lib/env";
import { TcpProxy } from "@/lib/ingest/testing/tcp-proxy";
import { type Listener, listenWithReconnect } from "./listen-with-reconnect";
import { getPool } from "./pool";

// A LISTEN connection that dies without a word (no FIN, no RST: a NAT forgot it) is found out by
// its periodic round trip and replaced, and the owner is told when the old one was last alive so
// it can catch up; one cut outright is replaced too.
let proxy: TcpProxy;
let proxiedUrl: string;

beforeAll(async () => {
  // LISTEN needs a session: straight to PostgreSQL, as the portal does behind a transaction pooler.
  const url = new URL(requireDirectDatabaseUrl());
  proxy = await TcpProxy.start({ host: url.hostname, port: Number(url.port) });
  proxiedUrl = proxy.urlFor(url.toString());
});

afterAll(async () => {
  await proxy.close();
});

function recorder() {
  const notifications: string[] = [];
  const connections: Array<{ lastAliveAt: number | null }> = [];
  return {
    notifications,
    connections,
    onNotification: (message: pg.Notification) => notifications.push(message.payload ?? ""),
    onConnected: (info: { lastAliveAt: number | null }) => connections.push(info),
  };
}

async function notify(channel: string, payload: string) {
  await getPool().query("SELECT pg_notify($1, $2)", [channel, payload]);
}

describe("listenWithReconnect", () => {
  let listener: Listener | undefined;
  afterAll(async () => {
    await listener?.close();
  });

  it("notices a connection that went silent, reconnects, and says since when to catch up", async () => {
    const seen = recorder();
    listener = listenWithReconnect({
      name: "test",
      channels: ["bounds_test"],
      connectionString: proxiedUrl,
      checkEveryMs: 200,
      checkTimeoutMs: 300,
      ...seen,
    });
    await vi.waitFor(() => expect(seen.connections).toEqual([{ lastAliveAt: null }]), { timeout: 10_000 });
    await notify("bounds_test", "before");
    await vi.waitFor(() => expect(seen.notifications).toEqual(["before"]));

    const silencedAt = Date.now();
    proxy.blackhole();
    await notify("bounds_test", "lost"); // sent into the void: the old connection hears nothing
    await vi.waitFor(() => expect(seen.connections).toHaveLength(2), { timeout: 15_000 });
    const lastAliveAt = seen.connections[1].lastAliveAt;
    expect(lastAliveAt).not.toBeNull();
    expect(lastAliveAt).toBeLessThanOrEqual(silencedAt);
    expect(lastAliveAt).toBeGreaterThan(silencedAt - 2_000);
    expect(seen.notifications).toEqual(["before"]);

    await notify("bounds_test", "after");
    await vi.waitFor(() => expect(seen.notifications).toEqual(["before", "after"]));
    expect(listener.connected).toBe(true);
  });

  it("replaces a connection that was cut, and stops for good once closed", async () => {
    const seen = recorder();
    const cut = listenWithReconnect({
      name: "test",
      channels: ["bounds_cut"],
      connectionString: proxiedUrl,
      checkEveryMs: 1_000,
      ...seen,
    });
    await vi.waitFor(() => expect(seen.connections).toHaveLength(1), { timeout: 10_000 });
    proxy.cutAll();
    await vi.waitFor(() => expect(seen.connections).toHaveLength(2), { timeout: 15_000 });
    await notify("bounds_cut", "x");
    await vi.waitFor(() => expect(seen.notifications).toEqual(["x"]));
    await cut.close();
    expect(cut.connected).toBe(false);
    await vi.waitFor(async () => {
      const { rows } = await getPool().query<{ n: number }>(
        "SELECT count(*)::int AS n FROM pg_stat_activity WHERE datname = current_database() AND application_name = 'jobs-portal listen bounds_cut'",
      );
      expect(rows[0].n).toBe(0);
    });
  });
});
