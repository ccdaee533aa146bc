import { BlockList, isIPv4, isIPv6 } from "node:net";

// The vendor fetches the files it is given, so it refuses URLs that would reach into its own network.
// The WHATWG parser has already normalised every literal spelling (0x7f.1, 2130706433, [::ffff:127.0.0.1])
// to a canonical address, which is why the checks below work on parsed addresses, never on strings.

const blocked = new BlockList();
for (const [network, prefix] of [
  ["0.0.0.0", 8],
  ["10.0.0.0", 8],
  ["100.64.0.0", 10],
  ["127.0.0.0", 8],
  ["169.254.0.0", 16],
  ["172.16.0.0", 12],
  ["192.0.0.0", 24],
  ["192.168.0.0", 16],
  ["198.18.0.0", 15],
  ["224.0.0.0", 4],
  ["240.0.0.0", 4],
] as const) {
  blocked.addSubnet(network, prefix, "ipv4");
}
for (const [network, prefix] of [
  ["::", 96], // unspecified, loopback and the deprecated IPv4-compatible range
  ["100::", 64],
  ["fc00::", 7],
  ["fe80::", 10],
  ["fec0::", 10],
  ["ff00::", 8],
] as const) {
  blocked.addSubnet(network, prefix, "ipv6");
}

const INTERNAL_NAMES = ["localhost", ".localhost", ".local", ".internal", ".home.arpa"];

/** The eight 16-bit groups of an IPv6 address (no zone id: the URL parser refuses those). */
function ipv6Groups(address: string): number[] {
  let text = address;
  const dotted = /(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (dotted) {
    const [a, b, c, d] = dotted[1].split(".").map(Number);
    text = `${text.slice(0, dotted.index)}${((a << 8) | b).toString(16)}:${((c << 8) | d).toString(16)}`;
  }
  const [head, tail] = text.includes("::") ? text.split("::") : [text, undefined];
  const left = head ? head.split(":") : [];
  const right = tail ? tail.split(":") : [];
  const middle = tail === undefined ? [] : Array(8 - left.length - right.length).fill("0");
  return [...left, ...middle, ...right].map((group) => parseInt(group, 16));
}

/** The IPv4 address an IPv6 address carries (mapped, NAT64, 6to4), if any. */
function embeddedIPv4(address: string): string | undefined {
  const g = ipv6Groups(address);
  const v4 = (hi: number, lo: number) => `${hi >> 8}.${hi & 255}.${lo >> 8}.${lo & 255}`;
  const zeros = (from: number, to: number) => g.slice(from, to).every((x) => x === 0);
  if (zeros(0, 5) && g[5] === 0xffff) return v4(g[6], g[7]);
  if (g[0] === 0x64 && g[1] === 0xff9b && zeros(2, 6)) return v4(g[6], g[7]);
  if (g[0] === 0x2002) return v4(g[1], g[2]);
  return undefined;
}

export function isPrivateAddress(address: string): boolean {
  if (isIPv4(address)) return blocked.check(address, "ipv4");
  if (!isIPv6(address)) return false;
  if (blocked.check(address, "ipv6")) return true;
  const inner = embeddedIPv4(address);
  return inner !== undefined && blocked.check(inner, "ipv4");
}

/** Why `raw` is not a public http(s) URL of a file, or undefined when it is one. */
export function describeUrlProblem(raw: string): string | undefined {
  if (!URL.canParse(raw)) return "Must be a valid URL";
  const url = new URL(raw);
  if (url.protocol !== "http:" && url.protocol !== "https:") return "Must be an http or https URL";
  if (url.username || url.password) return "Must not contain credentials";

  const host = url.hostname.toLowerCase().replace(/\.$/, "");
  const literal = host.startsWith("[") ? host.slice(1, -1) : host;
  if (isIPv4(literal) || isIPv6(literal)) {
    if (isPrivateAddress(literal)) return "Must not point to a private, loopback or link-local address";
  } else if (INTERNAL_NAMES.some((name) => (name.startsWith(".") ? host.endsWith(name) : host === name))) {
    return "Must not point to localhost or an internal host";
  } else if (!host.includes(".")) {
    return "Must use a public host name";
  }

  if (!/^.+\.[A-Za-z0-9]{1,8}$/.test(fileNameOf(raw))) {
    return "Must end with a file name that has an extension (e.g. .mp4)";
  }
  return undefined;
}

/** The file name of a URL's path, lower-cased, as the test triggers read it. */
export function fileNameOf(raw: string): string {
  const segment = new URL(raw).pathname.split("/").pop() ?? "";
  try {
    return decodeURIComponent(segment).toLowerCase();
  } catch {
    return segment.toLowerCase();
  }
}

export function extensionOf(raw: string): string {
  const name = fileNameOf(raw);
  const dot = name.lastIndexOf(".");
  return dot < 0 ? "" : name.slice(dot + 1);
}
