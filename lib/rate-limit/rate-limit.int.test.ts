import { execFile } from "node:child_process";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { promisify } from "node:util";
import pg from "pg";
import { describe, expect, it } from "vitest";
import { getPool, replacePoolForTests } from "@/lib/db/pool";
import { createRateLimit } from "./create-rate-limit";
import type { RateLimitPolicy } from "./policies";

// The limiter against the real PostgreSQL: counters in the RateLimit table, one budget for every
// process, locks, and what happens when the database cannot answer.
const run = promisify(execFile);
const policy = (overrides: Partial<RateLimitPolicy> = {}): RateLimitPolicy => ({
  name: `test-${randomUUID().slice(0, 8)}`,
  points: 5,
  windowSeconds: 60,
  ...overrides,
});

async function storedRow(key: string) {
  const { rows } = await getPool().query<{ points: number; expire: string }>(
    `SELECT points, expire FROM "RateLimit" WHERE key = $1`,
    [key],
  );
  return rows[0];
}

describe("a rate limit kept in PostgreSQL", () => {
  it("two portal processes share one budget", async () => {
    const shared = policy({ points: 30 });
    const child = () =>
      run(
        process.execPath,
        [
          "--import",
          "tsx",
          path.resolve("lib/rate-limit/testing/consume-in-child.ts"),
          JSON.stringify(shared),
          "client",
          "25",
        ],
        {
          env: process.env,
        },
      ).then(({ stdout }) => (JSON.parse(stdout) as { allowed: number }).allowed);
    const [first, second] = await Promise.all([child(), child()]);
    // 50 requests against a budget of 30: each process alone would have allowed 25.
    expect(first + second).toBe(30);
    expect(first).toBeGreaterThan(0);
    expect(second).toBeGreaterThan(0);
    expect(await storedRow(`${shared.name}:client`)).toMatchObject({ points: 50 });
  });

  it("allows the budget, then refuses with the time left in the window", async () => {
    const limit = createRateLimit(policy({ points: 3, windowSeconds: 600 }));
    const decisions = [];
    for (let i = 0; i < 4; i++) decisions.push(await limit.consume("k"));
    expect(decisions.map((decision) => decision.allowed)).toEqual([true, true, true, false]);
    const refused = decisions[3] as { retryAfterSeconds: number; until: Date };
    expect(refused.retryAfterSeconds).toBeGreaterThan(590);
    expect(refused.retryAfterSeconds).toBeLessThanOrEqual(600);
    expect((await limit.consume("another key")).allowed).toBe(true);
  });

  it("a lock starts with the event that spends the budget, lasts its own length, and a reset lifts it", async () => {
    const limit = createRateLimit(policy({ points: 10, windowSeconds: 15 * 60, lockSeconds: 30 * 60 }));
    for (let i = 0; i < 9; i++) expect((await limit.consume("ada@example.com")).allowed).toBe(true);
    expect((await limit.peek("ada@example.com")).allowed).toBe(true);
    const tenth = await limit.consume("ada@example.com");
    expect(tenth).toMatchObject({ allowed: false });
    const locked = await limit.peek("ada@example.com");
    expect(locked.allowed).toBe(false);
    // The lock's length, not what remained of the window.
    expect((locked as { retryAfterSeconds: number }).retryAfterSeconds).toBeGreaterThan(29 * 60);
    await limit.reset("ada@example.com");
    expect((await limit.peek("ada@example.com")).allowed).toBe(true);
    expect(await storedRow(`${limit.policy.name}:ada@example.com`)).toBeUndefined();
  });

  it("peek spends nothing", async () => {
    const limit = createRateLimit(policy({ points: 2 }));
    for (let i = 0; i < 5; i++) expect((await limit.peek("k")).allowed).toBe(true);
    expect(await storedRow(`${limit.policy.name}:k`)).toBeUndefined();
  });

  it("when the database cannot answer, the same budget holds in this process's memory: no lockout, no open door", async () => {
    const limit = createRateLimit(policy({ points: 3 }));
    const unreachable = new pg.Pool({
      connectionString: "postgresql://nobody:nothing@127.0.0.1:1/none",
      connectionTimeoutMillis: 500,
    });
    unreachable.on("error", () => undefined);
    const previous = replacePoolForTests("app", unreachable);
    try {
      const decisions = [];
      for (let i = 0; i < 4; i++) decisions.push((await limit.consume("k")).allowed);
      expect(decisions).toEqual([true, true, true, false]);
    } finally {
      replacePoolForTests("app", previous);
      await unreachable.end();
    }
  });
});
