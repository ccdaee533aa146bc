import { describe, expect, it } from "vitest";
import { describeAuthError } from "./describe-auth-error";

describe("describeAuthError", () => {
  it("puts next-auth's error codes into words and has nothing to say without one", () => {
    expect(describeAuthError("CredentialsSignin")).toBe("Incorrect email or password.");
    expect(describeAuthError("UnconfirmedAccount")).toMatch(/never confirmed.*Sign in the way the account was created/);
    expect(describeAuthError("SomethingNew")).toBe("Sign-in failed. Try again.");
    expect(describeAuthError(undefined)).toBeNull();
    expect(describeAuthError("")).toBeNull();
  });
});

describe("describeAuthError for rate-limited sign-ins", () => {
  const now = Date.UTC(2026, 11, 1, 12, 0, 0);
  const at = (seconds: number) => `${Math.ceil((now + seconds * 1000) / 1000)}`;

  it("says the email is locked and when to try again", () => {
    expect(describeAuthError(`SignInLocked:${at(15 * 60)}`, now)).toBe(
      "Too many failed sign-ins for this email. It is locked for now: try again in 15 minutes.",
    );
    expect(describeAuthError(`SignInLocked:${at(15 * 60 + 1)}`, now)).toMatch(/try again in 15 minutes\.$/);
    expect(describeAuthError(`SignInLocked:${at(20)}`, now)).toMatch(/try again in 1 minute\.$/);
  });

  it("says the network made too many attempts", () => {
    expect(describeAuthError(`SignInRateLimited:${at(5 * 60)}`, now)).toBe(
      "Too many sign-in attempts from your network. Try again in 5 minutes.",
    );
  });

  it("does not take a malformed code for a lock", () => {
    expect(describeAuthError("SignInLocked:soon", now)).toBe("Sign-in failed. Try again.");
  });
});
