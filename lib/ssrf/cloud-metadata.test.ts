import { describe, expect, it } from "vitest";
import { classifyAddress } from "./classify-address";
import { createGuardedLookup, RefusedAddressError } from "./guarded-lookup";

// Cloud metadata stays out of reach under every policy: public only, private allowed
// (ALLOW_PRIVATE_WEBHOOK_URLS=1), and an operator's own Jobs API base URL.
const POLICIES = {
  public: { allowPrivate: false },
  "private allowed": { allowPrivate: true },
  "operator-chosen": { allowPrivate: true, operatorChosen: true },
};

const METADATA = [
  "169.254.169.254", // AWS, GCP, Azure, Oracle, DigitalOcean, OpenStack
  "169.254.170.2", // ECS task credentials
  "169.254.0.23", // Tencent
  "100.100.100.200", // Alibaba
  "168.63.129.16", // Azure wireserver
  "192.0.0.192", // Oracle Cloud Classic
  "fd00:ec2::254", // AWS IPv6
  "fd00:ec2::23",
  "fd20:ce::254", // GCP IPv6
  "fd00:c1::a9fe:a9fe", // Oracle IPv6
  "fe80::a9fe:a9fe",
  "::ffff:169.254.169.254",
  "::ffff:100.100.100.200",
  "::ffff:168.63.129.16",
  "64:ff9b::6464:64c8", // NAT64 of 100.100.100.200
  "::a9fe:a9fe", // IPv4-compatible 169.254.169.254
];

describe("cloud metadata addresses", () => {
  for (const [name, policy] of Object.entries(POLICIES)) {
    it.each(METADATA)(`are refused (${name}): %s`, (address) => {
      expect(classifyAddress(address, policy)).toMatchObject({
        ok: false,
        reason: expect.stringContaining("is not a public address"),
      });
    });
  }

  it("6to4 and Teredo forms of a metadata address are refused too", () => {
    for (const policy of Object.values(POLICIES)) {
      expect(classifyAddress("2002:6464:64c8::1", policy).ok).toBe(false); // 6to4 of 100.100.100.200
      expect(classifyAddress("2002:a9fe:a9fe::1", policy).ok).toBe(false); // 6to4 of 169.254.169.254
    }
  });

  it("leave the rest of each policy as it was", () => {
    expect(classifyAddress("100.64.0.1", POLICIES["private allowed"]).ok).toBe(true); // CGNAT, not Alibaba's metadata
    expect(classifyAddress("fd00::1", POLICIES["private allowed"]).ok).toBe(true);
    expect(classifyAddress("127.0.0.1", POLICIES["operator-chosen"]).ok).toBe(true);
    expect(classifyAddress("10.1.2.3", POLICIES["operator-chosen"]).ok).toBe(true);
    expect(classifyAddress("168.63.129.17", POLICIES.public).ok).toBe(true);
    expect(classifyAddress("127.0.0.1", POLICIES.public).ok).toBe(false);
  });

  it("are refused at connect time when a name resolves to one (private allowed)", async () => {
    const lookup = createGuardedLookup(POLICIES["private allowed"], async () => [
      { address: "fd00:ec2::254", family: 6 },
    ]);
    const error = await new Promise<Error | null>((resolve) =>
      lookup("imds.example.com", { all: true }, (failure) => resolve(failure)),
    );
    expect(error).toBeInstanceOf(RefusedAddressError);
    expect(error?.message).toMatch(/fd00:ec2::254, which is not a public address \(AWS metadata\)/);
  });
});
