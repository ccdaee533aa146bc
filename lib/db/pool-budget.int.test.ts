import { describe, expect, it, vi } from "vitest";

vi.hoisted(() => {
  process.env.DATABASE_POOL_MAX = "2";
  process.env.DATABASE_STATEMENT_TIMEOUT_MS = "300";
});

import type pg from "pg";
import { behindTransactionPooler } from "@/lib/env";
import { dubJobEvents } from "@/lib/ingest/testing/sample-events";
import { postSigned } from "@/lib/ingest/testing/webhook-requests";
import { errorResponse } from "@/lib/route/error-response";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { prisma } from "./client";
import { getPool, type PoolUse } from "./pool";

// Each use has its own pool with a statement_timeout: a Jobs page (or live updates) holding every
// connection of the app pool does not stop ingest, and a runaway statement is cancelled by the
// server — an outage-like 503 for the caller, not a connection held for as long as it runs.

describe("the pool budget", () => {
  // Behind a transaction pooler (CI's PgBouncer leg) a SET lands on whichever server connection ran
  // it, so there the timeout is the database role's to keep (README, Deploying), not the pool's;
  // this runs on the legs that reach PostgreSQL directly (embedded, Debian's).
  it.skipIf(behindTransactionPooler())(
    "sets statement_timeout on every pool, and a statement past it is cancelled and answered 503",
    async () => {
      for (const use of ["app", "ingest", "delivery"] as PoolUse[]) {
        const { rows } = await getPool(use).query<{ statement_timeout: string }>("SHOW statement_timeout");
        expect(rows[0].statement_timeout, use).toBe("300ms");
      }
      const error = await prisma.$queryRaw`SELECT pg_sleep(2)`.catch((caught: unknown) => caught);
      const response = errorResponse(error);
      expect(response.status).toBe(503);
      expect(response.headers.get("retry-after")).toMatch(/^\d+$/);
      const direct = await getPool("ingest")
        .query("SELECT pg_sleep(2)")
        .catch((caught: unknown) => caught);
      expect((direct as { code?: string }).code).toBe("57014");
    },
  );

  it("keeps ingest answering while the app pool is taken", async () => {
    const workspace = await createTestWorkspace();
    const [first, second] = dubJobEvents("job_budget");
    // The workspace's secrets are loaded (through Prisma, on the app pool) and cached for a few seconds.
    expect((await postSigned(workspace, first)).status).toBe(200);
    const held: pg.PoolClient[] = await Promise.all([getPool("app").connect(), getPool("app").connect()]);
    try {
      const waiting = getPool("app").connect(); // the app pool is full: this waits
      const response = await postSigned(workspace, second);
      expect(response.status).toBe(200);
      expect(((await response.json()) as { disposition: string }).disposition).toBe("applied");
      held[0].release();
      (await waiting).release();
    } finally {
      held.slice(1).forEach((client) => client.release());
    }
  });
});
