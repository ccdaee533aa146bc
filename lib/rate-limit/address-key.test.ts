import { describe, expect, it } from "vitest";
import { addressKey } from "./address-key";
import { describeWait } from "./assert-within-limit";

describe("addressKey", () => {
  it("keeps IPv4 addresses, IPv4-mapped ones as IPv4", () => {
    expect(addressKey("203.0.113.7")).toBe("203.0.113.7");
    expect(addressKey("::ffff:203.0.113.7")).toBe("203.0.113.7");
  });

  it("keys IPv6 addresses by their /64", () => {
    expect(addressKey("2001:db8:1:2:aaaa::1")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8:1:2:bbbb:cccc:dddd:eeee")).toBe("2001:db8:1:2::/64");
    expect(addressKey("2001:db8::1")).toBe("2001:db8:0:0::/64");
    expect(addressKey("::1")).toBe("0:0:0:0::/64");
  });

  it("passes anything else through (the shared unknown address)", () => {
    expect(addressKey("unknown")).toBe("unknown");
  });
});

describe("describeWait", () => {
  it.each([
    [1, "1 second"],
    [59, "59 seconds"],
    [60, "1 minute"],
    [61, "2 minutes"],
    [900, "15 minutes"],
  ])("%d s → %s", (seconds, words) => {
    expect(describeWait(seconds)).toBe(words);
  });
});
