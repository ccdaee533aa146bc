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
