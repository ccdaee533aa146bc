import { env } from "@/lib/env";
import { logger } from "@/lib/log/logger";

/**
 * The portal server (lib/server) removes any incoming value of this header and sets it from the
 * socket, or from X-Forwarded-For when the peer is one of TRUSTED_PROXIES. Route code reads it here.
 */
export const CLIENT_ADDRESS_HEADER = "x-portal-client-ip";

// Set by the portal server in the process that also runs the routes. Without it (`next start`
// run by hand, route handlers called in tests) the header could come from the client itself.
const SERVER_MARK = Symbol.for("jobs-portal.client-address-header");
const marks = globalThis as unknown as Record<symbol, boolean | undefined>;

export function markClientAddressHeaderSet(): void {
  marks[SERVER_MARK] = true;
}

/** What every request shares when the address is unknown: limits then hold for all such callers together. */
export const UNKNOWN_CLIENT_ADDRESS = "unknown";

let warned = false;

type HeaderSource = Headers | Record<string, string | string[] | undefined>;

/** The client's address (IPv4 or IPv6 text), or "unknown" outside the portal server. */
export function getClientAddress(headers: HeaderSource): string {
  if (!marks[SERVER_MARK]) {
    if (!warned && env.NODE_ENV === "production") {
      warned = true;
      logger.warn(
        "client addresses are unknown: the portal was not started through its own server (scripts/portal-server.ts)",
      );
    }
    return UNKNOWN_CLIENT_ADDRESS;
  }
  const value = headers instanceof Headers ? headers.get(CLIENT_ADDRESS_HEADER) : headers[CLIENT_ADDRESS_HEADER];
  return (Array.isArray(value) ? value[0] : value) || UNKNOWN_CLIENT_ADDRESS;
}
