import type { LookupAddress } from "node:dns";
import { describe, expect, it } from "vitest";
import { createGuardedLookup, RefusedAddressError } from "./guarded-lookup";

function lookupWith(answers: LookupAddress[], options: { all?: boolean; family?: number } = {}) {
  const lookup = createGuardedLookup({ allowPrivate: false }, async () => answers);
  return new Promise<{ error: Error | null; address: unknown; family?: number }>((resolve) =>
    lookup("hooks.example.com", { all: options.all, family: options.family }, (error, address, family) =>
      resolve({ error, address, family }),
    ),
  );
}

describe("the connect-time lookup", () => {
  it("hands the socket a checked address", async () => {
    expect(await lookupWith([{ address: "93.184.216.34", family: 4 }])).toEqual({
      error: null,
      address: "93.184.216.34",
      family: 4,
    });
    const all = await lookupWith(
      [
        { address: "93.184.216.34", family: 4 },
        { address: "2606:2800:220:1::1", family: 6 },
      ],
      { all: true },
    );
    expect(all.address).toHaveLength(2);
  });

  it("refuses when any answer is refused (a rebinding DNS answering with a private address now)", async () => {
    for (const answers of [
      [{ address: "127.0.0.1", family: 4 }],
      [
        { address: "93.184.216.34", family: 4 },
        { address: "10.1.2.3", family: 4 },
      ],
      [{ address: "::ffff:169.254.169.254", family: 6 }],
    ]) {
      const { error } = await lookupWith(answers, { all: true });
      expect(error).toBeInstanceOf(RefusedAddressError);
    }
  });

  it("checks every answer even when the socket asks for one family", async () => {
    const { error } = await lookupWith(
      [
        { address: "93.184.216.34", family: 4 },
        { address: "::1", family: 6 },
      ],
      { family: 4 },
    );
    expect(error).toBeInstanceOf(RefusedAddressError);
  });
});
