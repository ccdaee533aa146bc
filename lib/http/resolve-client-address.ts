import { isIP } from "node:net";
import ipaddr from "ipaddr.js";

// Which address a request comes from, for rate limits. Pure, so the trust rules are unit-tested.
type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

export interface TrustedProxies {
  has(address: string): boolean;
}

/** Canonical text of an address, IPv4-mapped IPv6 (`::ffff:1.2.3.4`) as plain IPv4; null if invalid. */
export function normalizeAddress(text: string): string | null {
  const trimmed = text.trim().replace(/^\[(.*)\]$/, "$1");
  if (isIP(trimmed) === 0) return null; // strict: ipaddr.js would also take legacy forms like "1.2.3"
  return ipaddr.process(trimmed).toString();
}

// Peers are compared as plain IPv4, so an IPv4-mapped range (::ffff:10.0.0.0/104) becomes 10.0.0.0/8.
function toPlainRange([address, bits]: Range): Range {
  if (address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress())
    return [address.toIPv4Address(), Math.max(0, bits - 96)];
  return [address, bits];
}

/** `TRUSTED_PROXIES`: comma-separated addresses and CIDR ranges; an entry that is neither is an error. */
export function parseTrustedProxies(list: string): TrustedProxies {
  const ranges: Range[] = [];
  for (const entry of list
    .split(",")
    .map((part) => part.trim())
    .filter(Boolean)) {
    try {
      if (entry.includes("/")) {
        ranges.push(toPlainRange(ipaddr.parseCIDR(entry)));
      } else {
        if (isIP(entry) === 0) throw new Error("not an address");
        const address = ipaddr.process(entry);
        ranges.push([address, address.kind() === "ipv4" ? 32 : 128]);
      }
    } catch {
      throw new Error(`TRUSTED_PROXIES: "${entry}" is not an IP address or CIDR range`);
    }
  }
  return {
    has(text) {
      const normalized = normalizeAddress(text);
      if (!normalized) return false;
      const address = ipaddr.parse(normalized);
      return ranges.some(([range, bits]) => range.kind() === address.kind() && address.match(range, bits));
    },
  };
}

/**
 * The client's address: the socket's peer, unless that peer is a trusted proxy — then the
 * right-most X-Forwarded-For hop that is not itself a trusted proxy (hops to its left are
 * whatever the client chose to send). A malformed hop ends the walk at the last trusted one.
 */
export function resolveClientAddress(
  peer: string | undefined,
  forwardedFor: string | string[] | undefined,
  trusted: TrustedProxies,
): string {
  const direct = (peer && normalizeAddress(peer)) || "unknown";
  if (!trusted.has(direct) || forwardedFor === undefined) return direct;
  const hops = (Array.isArray(forwardedFor) ? forwardedFor.join(",") : forwardedFor).split(",");
  let client = direct;
  for (let index = hops.length - 1; index >= 0; index--) {
    const hop = normalizeAddress(hops[index]);
    if (!hop) break;
    client = hop;
    if (!trusted.has(hop)) break;
  }
  return client;
}
