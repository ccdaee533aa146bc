import ipaddr from "ipaddr.js";
import { cloudMetadataRange } from "./cloud-metadata";

// Which IP addresses a webhook may be sent to. Classified with ipaddr.js on the parsed address,
// never by matching strings: every spelling of 127.0.0.1 parses to the same bytes.
export type AddressVerdict = { ok: true } | { ok: false; range: string; reason: string };

export interface AddressPolicy {
  /** ALLOW_PRIVATE_WEBHOOK_URLS: loopback and private networks let through (demo and tests only). */
  allowPrivate: boolean;
  /** The operator chose this host (a JOBS_API_BASE_URLS entry): any address but cloud metadata. */
  operatorChosen?: boolean;
}

// Ranges ALLOW_PRIVATE_WEBHOOK_URLS opens. Cloud metadata (cloud-metadata.ts) stays refused even
// then, and under every other policy: no demo needs it, and it is the classic SSRF prize.
const PRIVATE_V4 = new Set(["loopback", "private", "carrierGradeNat"]);
const PRIVATE_V6 = new Set(["loopback", "uniqueLocal"]);

// ipaddr.js's range names, as a sentence shows them.
const LABELS: Record<string, string> = {
  linkLocal: "link-local",
  carrierGradeNat: "carrier-grade NAT",
  uniqueLocal: "unique local",
  ipv4Mapped: "IPv4-mapped",
  private: "private network",
};
const label = (range: string) => LABELS[range] ?? range;

const refuse = (address: string, range: string): AddressVerdict => ({
  ok: false,
  range,
  reason: `${address} is not a public address (${label(range)})`,
});

/** The refusal of a host name because of one of its addresses. */
export function refusedHostReason(hostname: string, address: string, range: string): string {
  return `${hostname} resolves to ${address}, which is not a public address (${label(range)})`;
}

function classifyV4(address: ipaddr.IPv4, policy: AddressPolicy, shown: string): AddressVerdict {
  const metadata = cloudMetadataRange(address);
  if (metadata) return refuse(shown, metadata);
  if (policy.operatorChosen) return { ok: true };
  const range = address.range();
  if (range === "unicast") return { ok: true };
  if (policy.allowPrivate && PRIVATE_V4.has(range)) return { ok: true };
  return refuse(shown, range);
}

/** The IPv4 address an IPv6 transition form carries (mapped, translated, NAT64, 6to4, Teredo), if any. */
function embeddedV4(address: ipaddr.IPv6): ipaddr.IPv4[] | null {
  const bytes = address.toByteArray();
  const v4 = (offset: number, invert = false) =>
    new ipaddr.IPv4(bytes.slice(offset, offset + 4).map((byte) => (invert ? ~byte & 0xff : byte)));
  switch (address.range()) {
    case "ipv4Mapped": // ::ffff:a.b.c.d
    case "rfc6145": // ::ffff:0:a.b.c.d
    case "rfc6052": // 64:ff9b::a.b.c.d (NAT64)
      return [v4(12)];
    case "6to4": // 2002:AABB:CCDD::/48
      return [v4(2)];
    case "teredo": // 2001:0:SSSS:SSSS:flags:port:~CCCC:~CCCC — the server and the (obfuscated) client
      return [v4(4), v4(12, true)];
    default:
      return null;
  }
}

function classifyV6(address: ipaddr.IPv6, policy: AddressPolicy, shown: string): AddressVerdict {
  const metadata = cloudMetadataRange(address);
  if (metadata) return refuse(shown, metadata);
  const range = address.range();
  // ::a.b.c.d (IPv4-compatible, deprecated) embeds an IPv4 address too.
  const v4Compatible =
    address
      .toByteArray()
      .slice(0, 12)
      .every((byte) => byte === 0) &&
    range !== "loopback" &&
    range !== "unspecified";
  const embedded = v4Compatible ? [new ipaddr.IPv4(address.toByteArray().slice(12))] : embeddedV4(address);
  for (const v4 of embedded ?? []) {
    const verdict = classifyV4(v4, policy, `${shown} (embedding ${v4.toString()})`);
    if (!verdict.ok) return verdict;
  }
  if (policy.operatorChosen) return { ok: true };
  // IPv4-compatible forms and the local-use NAT64 prefix 64:ff9b:1::/48 have no legitimate
  // webhook use and embed an IPv4 address; refused outright, whatever it is.
  if (v4Compatible) return refuse(shown, "IPv4-compatible");
  if (address.match(ipaddr.IPv6.parse("64:ff9b:1::"), 48)) return refuse(shown, "local NAT64");
  if (embedded) return { ok: true };
  if (range === "unicast") return { ok: true };
  if (policy.allowPrivate && PRIVATE_V6.has(range)) return { ok: true };
  return refuse(shown, range);
}

/** Whether a server-side request may connect to `address` (an IP literal as DNS or a URL gives it). */
export function classifyAddress(address: string, policy: AddressPolicy): AddressVerdict {
  const literal = address.replace(/^\[|\]$/g, "");
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    // ipaddr.js also reads inet_aton spellings (0x7f.1, 2130706433): the bytes decide, not the text.
    parsed = ipaddr.parse(literal);
  } catch {
    return { ok: false, range: "invalid", reason: `${address} is not an IP address` };
  }
  if (parsed.kind() === "ipv4") return classifyV4(parsed as ipaddr.IPv4, policy, literal);
  // A zone index (fe80::1%eth0) would name an interface: never a webhook target.
  if ((parsed as ipaddr.IPv6).zoneId) return refuse(literal, "scoped");
  return classifyV6(parsed as ipaddr.IPv6, policy, literal);
}
