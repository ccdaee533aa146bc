import ipaddr from "ipaddr.js";

// Cloud metadata and host-agent services: instance credentials and configuration to anyone who
// can make the instance send a request there. Refused on every path and under every policy —
// ALLOW_PRIVATE_WEBHOOK_URLS and an operator's own base URL included.
const METADATA_RANGES: Array<[string, string]> = [
  // IPv4 link-local, all of it: 169.254.169.254 (AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack,
  // Hetzner, ...), 169.254.170.2 (ECS task credentials), 169.254.0.23 (Tencent).
  ["169.254.0.0/16", "link-local, cloud metadata"],
  ["100.100.100.200/32", "Alibaba Cloud metadata"],
  ["168.63.129.16/32", "Azure host agent"],
  ["192.0.0.192/32", "Oracle Cloud metadata"],
  // IPv6: AWS's whole fd00:ec2::/32 (metadata fd00:ec2::254, DNS, NTP), GCP fd20:ce::254,
  // Oracle's fd00:c1::a9fe:a9fe, and link-local fe80::/10 (fe80::a9fe:a9fe and the like).
  ["fd00:ec2::/32", "AWS metadata"],
  ["fd20:ce::254/128", "GCP metadata"],
  ["fd00:c1::a9fe:a9fe/128", "Oracle Cloud metadata"],
  ["fe80::/10", "link-local"],
];

const PARSED = METADATA_RANGES.map(([cidr, label]) => ({ range: ipaddr.parseCIDR(cidr), label }));

/** The metadata service `address` belongs to (its label), or null. IPv4-mapped forms are unwrapped by the caller. */
export function cloudMetadataRange(address: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  for (const { range, label } of PARSED) {
    if (range[0].kind() === address.kind() && address.match(range)) return label;
  }
  return null;
}
