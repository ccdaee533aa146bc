import { beforeAll, describe, expect, it } from "vitest";
import { applyRuntimeEnv } from "@/lib/env";
import { PREVIOUS_SECRET_GRACE_MS, replaceSecret } from "./replace-secret";
import { generateEncryptionKey, open, seal } from "./secret-box";

beforeAll(() => applyRuntimeEnv({ APP_ENCRYPTION_KEY: generateEncryptionKey() }));

describe("replaceSecret", () => {
  const now = new Date("2026-12-01T12:00:00Z");

  it("seals the new secret and keeps the replaced one for the grace period (24 hours)", () => {
    const current = seal("whsec_old");
    const replaced = replaceSecret(current, "whsec_new", { now });
    expect(open(replaced.secretEnc)).toBe("whsec_new");
    expect(replaced.previousSecretEnc).toBe(current);
    expect(replaced.previousSecretExpiresAt).toEqual(new Date("2026-12-02T12:00:00Z"));
    expect(PREVIOUS_SECRET_GRACE_MS).toBe(24 * 60 * 60 * 1000);
  });

  it("keeps nothing of the old secret without overlap", () => {
    const replaced = replaceSecret(seal("whsec_old"), "sk_vendor", { now, overlap: false });
    expect(open(replaced.secretEnc)).toBe("sk_vendor");
    expect(replaced).toMatchObject({ previousSecretEnc: null, previousSecretExpiresAt: null });
  });
});
