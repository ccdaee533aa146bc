import { describe, expect, it } from "vitest";
import { Prisma } from "@/lib/db/generated/client";
import { DATABASE_BUSY_CODE, isDatabaseUnavailable } from "./is-database-unavailable";

// The shapes each layer throws while PostgreSQL restarts, built with Prisma's own classes: the
// integration tests (a real restart) meet them at random; here each one is pinned.
function prismaKnown(code: string, message: string, driverAdapterError?: unknown) {
  return new Prisma.PrismaClientKnownRequestError(message, {
    code,
    clientVersion: "7",
    meta: driverAdapterError ? { driverAdapterError } : undefined,
  });
}

// @prisma/adapter-pg's error: name DriverAdapterError, the mapped driver error as its `cause`.
function adapterError(cause: Record<string, unknown>) {
  return Object.assign(new Error(String(cause.kind)), { name: "DriverAdapterError", cause });
}

function pgError(code: string, message: string) {
  return Object.assign(new Error(message), { code, severity: "FATAL" });
}

describe("isDatabaseUnavailable", () => {
  it.each([
    [
      "57P03 wrapped by Prisma as P2039",
      prismaKnown(
        "P2039",
        "Database error. Code: `57P03`. Message: `the database system is starting up`",
        adapterError({
          kind: "postgres",
          code: "57P03",
          severity: "FATAL",
          message: "the database system is starting up",
          originalCode: "57P03",
          originalMessage: "the database system is starting up",
        }),
      ),
    ],
    [
      "57P01 wrapped by Prisma as P2010 (raw query)",
      prismaKnown(
        "P2010",
        "Raw query failed. Code: `57P01`. Message: `terminating connection due to administrator command`",
        adapterError({ kind: "postgres", code: "57P01", severity: "FATAL", message: "x", originalCode: "57P01" }),
      ),
    ],
    ["P1001 can't reach", prismaKnown("P1001", "Can't reach database server at 127.0.0.1:5")],
    ["P1017 connection closed", prismaKnown("P1017", "Server has closed the connection.")],
    ["P2037 too many connections", prismaKnown("P2037", "Too many database connections opened")],
    ["adapter DatabaseNotReachable", adapterError({ kind: "DatabaseNotReachable", host: "127.0.0.1", port: 5 })],
    ["adapter ConnectionClosed", adapterError({ kind: "ConnectionClosed" })],
    [
      "Prisma's unknown-request wrapping of pg's terminated connection",
      new Prisma.PrismaClientUnknownRequestError("Connection terminated unexpectedly", { clientVersion: "7" }),
    ],
    ["pg 57P01", pgError("57P01", "terminating connection due to administrator command")],
    ["pg 57P03", pgError("57P03", "the database system is starting up")],
    ["pg statement_timeout", pgError("57014", "canceling statement due to statement timeout")],
    ["pg 53300", pgError("53300", "sorry, too many clients already")],
    [
      "socket refused",
      Object.assign(new Error("connect ECONNREFUSED 127.0.0.1:5"), {
        code: "ECONNREFUSED",
        syscall: "connect",
        errno: -111,
      }),
    ],
    ["pool timeout", new Error("timeout exceeded when trying to connect")],
    ["the pool budget", Object.assign(new Error("no connection free"), { code: DATABASE_BUSY_CODE })],
    ["initialization", new Prisma.PrismaClientInitializationError("Can't reach database server", "7", "P1001")],
    [
      "an outage as the cause of another error",
      new Error("loading secrets failed", { cause: pgError("57P03", "the database system is starting up") }),
    ],
  ])("%s: an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ["a bug", new TypeError("x is undefined")],
    [
      "a constraint",
      prismaKnown("P2002", "Unique constraint failed", adapterError({ kind: "UniqueConstraintViolation" })),
    ],
    [
      "a refused value",
      prismaKnown(
        "P2039",
        "Database error. Code: `22021`. Message: `invalid byte sequence`",
        adapterError({ kind: "postgres", code: "22021", originalCode: "22021" }),
      ),
    ],
    ["pg missing table", pgError("42P01", 'relation "x" does not exist')],
    ["not an error", "Connection terminated"],
    ["null", null],
  ])("%s: not an outage", (_name, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });

  it("walks a cyclic or very long cause chain without recursion", () => {
    const a = new Error("a");
    const b = new Error("b", { cause: a });
    (a as { cause?: unknown }).cause = b;
    expect(isDatabaseUnavailable(a)).toBe(false);
    let deep: Error = pgError("57P01", "terminating");
    for (let i = 0; i < 100_000; i += 1) deep = new Error(`wrap ${i}`, { cause: deep });
    expect(isDatabaseUnavailable(deep)).toBe(false); // beyond the visit budget: not worth walking
  });
});
