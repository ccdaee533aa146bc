import { describe, expect, it } from "vitest";
import { createOneTimeToken, hashToken, isExpired, tokenMatches } from "./one-time-token";
import { oneTimeTokenSchema } from "./schemas";

describe("one-time tokens", () => {
  it("are 256 random bits in base64url, stored only as their SHA-256", () => {
    const now = new Date("2026-12-01T10:00:00.000Z");
    const first = createOneTimeToken(60_000, now);
    const second = createOneTimeToken(60_000, now);
    expect(first.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(first.token).not.toBe(second.token);
    expect(first.tokenHash).toMatch(/^[0-9a-f]{64}$/);
    expect(first.tokenHash).toBe(hashToken(first.token));
    expect(first.tokenHash).not.toContain(first.token);
    expect(first.expiresAt.toISOString()).toBe("2026-12-01T10:01:00.000Z");
    expect(oneTimeTokenSchema.safeParse(first.token).success).toBe(true);
  });

  it("match only their own hash", () => {
    const { token, tokenHash } = createOneTimeToken(1000);
    expect(tokenMatches(token, tokenHash)).toBe(true);
    expect(tokenMatches(`${token.slice(0, -1)}${token.endsWith("A") ? "B" : "A"}`, tokenHash)).toBe(false);
    expect(tokenMatches(token, "")).toBe(false);
    expect(tokenMatches(token, "not-hex")).toBe(false);
  });

  it("expire at their expiry instant, not a millisecond later", () => {
    const expiresAt = new Date("2026-12-01T10:00:00.000Z");
    expect(isExpired(expiresAt, new Date("2026-12-01T09:59:59.999Z"))).toBe(false);
    expect(isExpired(expiresAt, expiresAt)).toBe(true);
  });

  it("refuse links whose token was cut or padded before any lookup", () => {
    const { token } = createOneTimeToken(1000);
    for (const bad of [token.slice(1), `${token}x`, token.replace(/.$/, "="), "", "../../etc/passwd"]) {
      expect(oneTimeTokenSchema.safeParse(bad).success, bad).toBe(false);
    }
  });
});
