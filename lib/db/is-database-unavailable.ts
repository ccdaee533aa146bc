// Whether an error means "the database cannot be reached or cannot take this right now" — a 503
// the caller should retry — rather than a bug. One classifier for every layer that can see it:
// node-pg's own errors, PostgreSQL's SQLSTATEs, Prisma's driver-adapter errors and Prisma's own
// wrappings of them (P1001/P1017, and P2039/P2010 "Database error. Code: `57P03`" carrying the
// adapter error in `meta.driverAdapterError`), the pool budget's own refusal, and any of these as
// the `cause` of another error. Used by errorResponse, so every route answers an outage alike.
const SOCKET_CODES = new Set([
  "ECONNREFUSED",
  "ECONNRESET",
  "ETIMEDOUT",
  "EPIPE",
  "ENOTFOUND",
  "EAI_AGAIN",
  "EHOSTUNREACH",
  "ENETUNREACH",
]);
// 08: connection exception; 57P01-57P05: admin shutdown, crash shutdown, cannot connect now (the
// server is starting up or shutting down), idle session timeout; 57014: statement_timeout (the
// server is too busy for this statement now); 53: insufficient resources; 55P03: lock_timeout;
// 40001/40P01: serialization failure/deadlock (retrying is the documented remedy).
const SQLSTATE = /^(08...|57P0[1-5]|57014|53...|55P03|40001|40P01)$/;
// Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 connection closed,
// P2024 pool timeout, P2034 write conflict, P2037 too many connections.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024", "P2034", "P2037"]);
const PRISMA_ADAPTER_KINDS = new Set([
  "DatabaseNotReachable",
  "ConnectionClosed",
  "SocketTimeout",
  "TooManyConnections",
  "TransactionWriteConflict",
]);
const MESSAGES =
  /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|read ECONNRESET|Can't reach database server|Server has closed the connection|the database system is (starting up|shutting down|in recovery mode)|terminating connection due to administrator command|Database error\. Code: `(08...|57P0[1-5]|57014|53...)`/i;
/** The error of lib/db's pool budget when no connection of a use came free in time. */
export const DATABASE_BUSY_CODE = "DATABASE_BUSY";

// How far into nested wrappings to look; an error graph deeper than this is not an outage.
const MAX_VISITS = 32;

function isUnavailableItself(error: object): boolean {
  const { code, errorCode, originalCode, kind } = error as Record<string, unknown>;
  for (const value of [code, errorCode, originalCode]) {
    if (typeof value !== "string") continue;
    if (value === DATABASE_BUSY_CODE || SOCKET_CODES.has(value) || SQLSTATE.test(value) || PRISMA_CODES.has(value))
      return true;
  }
  if (typeof kind === "string" && PRISMA_ADAPTER_KINDS.has(kind)) return true;
  const message = (error as { message?: unknown }).message;
  return typeof message === "string" && MESSAGES.test(message);
}

/** The objects an error wraps: `cause` (Error and Prisma's adapter error), Prisma's `meta.driverAdapterError`. */
function wrapped(error: object): unknown[] {
  const { cause, meta, driverAdapterError } = error as Record<string, unknown>;
  const inner = meta && typeof meta === "object" ? (meta as Record<string, unknown>).driverAdapterError : undefined;
  return [cause, inner, driverAdapterError];
}

export function isDatabaseUnavailable(error: unknown): boolean {
  // Iterative, with a visit budget: a cyclic or very deep `cause` chain costs nothing more.
  const pending: unknown[] = [error];
  const seen = new Set<object>();
  while (pending.length > 0 && seen.size < MAX_VISITS) {
    const next = pending.pop();
    if (!next || typeof next !== "object" || seen.has(next)) continue;
    seen.add(next);
    if (isUnavailableItself(next)) return true;
    pending.push(...wrapped(next));
  }
  return false;
}
