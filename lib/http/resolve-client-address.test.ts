import { describe, expect, it } from "vitest";
import { normalizeAddress, parseTrustedProxies, resolveClientAddress } from "./resolve-client-address";

const none = parseTrustedProxies("");
const proxies = parseTrustedProxies("127.0.0.1, 10.0.0.0/8, ::1, fd00::/8");

describe("resolveClientAddress", () => {
  it("is the socket's peer when no proxy is trusted, whatever X-Forwarded-For says", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", none)).toBe("203.0.113.7");
    expect(resolveClientAddress("127.0.0.1", "198.51.100.1", none)).toBe("127.0.0.1");
  });

  it("ignores X-Forwarded-For from a peer that is not a trusted proxy", () => {
    expect(resolveClientAddress("203.0.113.7", "198.51.100.1", proxies)).toBe("203.0.113.7");
  });

  it("takes the right-most hop that is not a trusted proxy", () => {
    expect(resolveClientAddress("127.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    // The client prepended a forged hop; the proxies appended the real one and their own.
    expect(resolveClientAddress("10.0.0.2", "1.1.1.1, 198.51.100.1, 10.0.0.9", proxies)).toBe("198.51.100.1");
    expect(resolveClientAddress("::1", ["1.1.1.1", "2001:db8::5"], proxies)).toBe("2001:db8::5");
  });

  it("uses the left-most hop when every hop is a trusted proxy, and the peer without the header", () => {
    expect(resolveClientAddress("127.0.0.1", "10.1.1.1, 10.2.2.2", proxies)).toBe("10.1.1.1");
    expect(resolveClientAddress("127.0.0.1", undefined, proxies)).toBe("127.0.0.1");
  });

  it("stops at a malformed hop, keeping the last address a trusted proxy vouched for", () => {
    expect(resolveClientAddress("127.0.0.1", "198.51.100.1, not-an-ip", proxies)).toBe("127.0.0.1");
    expect(resolveClientAddress("127.0.0.1", "junk, 10.0.0.3", proxies)).toBe("10.0.0.3");
  });

  it("treats IPv4-mapped IPv6 peers as IPv4", () => {
    expect(resolveClientAddress("::ffff:127.0.0.1", "198.51.100.1", proxies)).toBe("198.51.100.1");
    expect(resolveClientAddress("::ffff:203.0.113.7", undefined, none)).toBe("203.0.113.7");
  });
});

describe("parseTrustedProxies", () => {
  it("refuses an entry that is neither an address nor a range", () => {
    expect(() => parseTrustedProxies("127.0.0.1, proxy.internal")).toThrow(
      /"proxy.internal" is not an IP address or CIDR range/,
    );
  });

  it("matches ranges of both families", () => {
    expect(proxies.has("10.200.0.1")).toBe(true);
    expect(proxies.has("11.0.0.1")).toBe(false);
    expect(proxies.has("fd12::1")).toBe(true);
    expect(proxies.has("[::1]")).toBe(true);
  });
});

describe("normalizeAddress", () => {
  it("canonicalizes or refuses", () => {
    expect(normalizeAddress("2001:DB8:0:0::1")).toBe("2001:db8::1");
    expect(normalizeAddress("1.2.3")).toBeNull();
    expect(normalizeAddress("")).toBeNull();
  });
});
