import { afterEach, describe, expect, it } from "vitest";
import { applyRuntimeEnv, env } from "@/lib/env";
import { ApiError } from "@/lib/http/api-error";
import { assertMaySignUp, maySignUpWithoutInvite } from "./sign-up-policy";

const before = process.env.SIGN_UP;
afterEach(() => {
  if (before === undefined) delete process.env.SIGN_UP;
  applyRuntimeEnv({ SIGN_UP: before ?? "" });
});

describe("SIGN_UP", () => {
  it("reads open (the default), invite-only and a list of domains", () => {
    applyRuntimeEnv({ SIGN_UP: "" });
    expect(env.SIGN_UP).toEqual({ kind: "open" });
    applyRuntimeEnv({ SIGN_UP: "invite-only" });
    expect(env.SIGN_UP).toEqual({ kind: "invite-only" });
    applyRuntimeEnv({ SIGN_UP: "domains: Example.com, @example.org" });
    expect(env.SIGN_UP).toEqual({ kind: "domains", domains: ["example.com", "example.org"] });
  });

  it("refuses anything else, saying what it takes", () => {
    for (const value of ["closed", "domains:", "domains:not a domain"]) {
      expect(() => applyRuntimeEnv({ SIGN_UP: value }), value).toThrow(
        /open, invite-only, or domains:example.com,example.org/,
      );
    }
  });

  it("decides by the address alone, and refuses with a 403 that says how to get in", () => {
    const domains = { kind: "domains" as const, domains: ["example.com"] };
    expect(maySignUpWithoutInvite("ada@example.com", { kind: "open" })).toBe(true);
    expect(maySignUpWithoutInvite("ada@example.com", { kind: "invite-only" })).toBe(false);
    expect(maySignUpWithoutInvite("ada@EXAMPLE.com", domains)).toBe(true);
    expect(maySignUpWithoutInvite("ada@sub.example.com", domains)).toBe(false);
    expect(maySignUpWithoutInvite("ada@example.com.evil.org", domains)).toBe(false);
    let refusal: unknown;
    try {
      assertMaySignUp("ada@elsewhere.org", domains);
    } catch (error) {
      refusal = error;
    }
    expect(refusal).toBeInstanceOf(ApiError);
    expect(refusal).toMatchObject({ code: "FORBIDDEN", message: expect.stringContaining("example.com") });
  });
});
