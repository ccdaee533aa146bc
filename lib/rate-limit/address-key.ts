import { normalizeAddress } from "@/lib/http/resolve-client-address";

/**
 * The key a client address is limited under. IPv6 by its /64: one subscriber or host usually holds
 * a whole /64, so keying single addresses would give an attacker 2^64 budgets.
 */
export function addressKey(address: string): string {
  const normalized = normalizeAddress(address);
  if (!normalized) return address;
  if (!normalized.includes(":")) return normalized;
  const groups = expandIpv6(normalized);
  return `${groups.slice(0, 4).join(":")}::/64`;
}

function expandIpv6(address: string): string[] {
  const [head, tail = ""] = address.split("::");
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const zeros = address.includes("::") ? Array(8 - left.length - right.length).fill("0") : [];
  return [...left, ...zeros, ...right];
}
