// Whether an error means "the database cannot be reached or cannot take this right now" — a 503
// the sender should retry — rather than a bug. Covers node-pg's own errors, PostgreSQL's
// connection/shutdown/resource SQLSTATEs, and the same wrapped by Prisma's driver adapter.
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
// 08: connection exception; 57P01-57P05: shutdown/cannot connect now; 53: insufficient resources;
// 40001/40P01: serialization failure/deadlock (retrying is the documented remedy).
const SQLSTATE = /^(08...|57P0[1-5]|53...|40001|40P01)$/;
// Prisma: P1001 can't reach, P1002 timed out, P1008 operation timed out, P1017 connection closed, P2024 pool timeout.
const PRISMA_CODES = new Set(["P1001", "P1002", "P1008", "P1017", "P2024"]);
const PRISMA_ADAPTER_KINDS = new Set(["DatabaseNotReachable", "ConnectionClosed", "SocketTimeout", "TooManyConnections"]);
const MESSAGES =
  /Connection terminated|Connection ended unexpectedly|timeout exceeded when trying to connect|Client has encountered a connection error|connect ECONNREFUSED|read ECONNRESET|Can't reach database server|Server has closed the connection/i;

export function isDatabaseUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== "object" || depth > 5) return false;
  const { code, kind, message, cause } = error as { code?: unknown; kind?: unknown; message?: unknown; cause?: unknown };
  if (typeof code === "string" && (SOCKET_CODES.has(code) || SQLSTATE.test(code) || PRISMA_CODES.has(code))) return true;
  if (typeof kind === "string" && PRISMA_ADAPTER_KINDS.has(kind)) return true;
  if (typeof message === "string" && MESSAGES.test(message)) return true;
  return isDatabaseUnavailable(cause, depth + 1);
}
