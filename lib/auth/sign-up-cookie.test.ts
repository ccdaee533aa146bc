import { describe, expect, it } from "vitest";
import { readSignUpCookie, serializeSignUpCookie, signUpCookieName } from "./sign-up-cookie";

describe("the sign-up cookie", () => {
  it("is HttpOnly, Lax, site-wide and lasts as long as a confirmation link", () => {
    const cookie = serializeSignUpCookie("nonce-value");
    expect(cookie).toBe(`${signUpCookieName()}=nonce-value; Path=/; Max-Age=86400; HttpOnly; SameSite=Lax`);
  });

  it("is read back from a Cookie header among others, and absent otherwise", () => {
    const name = signUpCookieName();
    expect(readSignUpCookie(`a=1; ${name}=abc_DEF-123; b=2`)).toBe("abc_DEF-123");
    expect(readSignUpCookie("a=1; b=2")).toBeUndefined();
    expect(readSignUpCookie(`${name}=`)).toBeUndefined();
    expect(readSignUpCookie(undefined)).toBeUndefined();
    expect(readSignUpCookie(`x${name}=abc`)).toBeUndefined();
  });
});
