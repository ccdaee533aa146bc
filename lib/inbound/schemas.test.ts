import { describe, expect, it } from "vitest";
import { explainUnusableSecret, updateVerificationInputSchema, verificationProfileSchema } from "./schemas";

describe("verificationProfileSchema", () => {
  it("fills an HMAC profile's defaults and lower-cases header names", () => {
    expect(verificationProfileSchema.parse({ kind: "hmac", signatureHeader: " X-Sig " })).toEqual({
      kind: "hmac",
      signatureHeader: "x-sig",
      headerFormat: "plain",
      algorithm: "sha256",
      encoding: "hex",
      prefix: "",
      signedContent: "body",
      toleranceSeconds: 300,
      secretEncoding: "text",
    });
  });

  it("makes the pairs format sign {timestamp}.{body} whatever the form said", () => {
    const profile = verificationProfileSchema.parse({
      kind: "hmac",
      signatureHeader: "s",
      headerFormat: "pairs",
      prefix: "x=",
      timestampHeader: "t",
    });
    expect(profile).toMatchObject({ signedContent: "timestamp_body", prefix: "" });
    expect(profile).not.toHaveProperty("timestampHeader", "t");
  });

  it("explains what is missing or wrong, by field", () => {
    const issues = (input: unknown) =>
      verificationProfileSchema.safeParse(input).error?.issues.map((issue) => [issue.path.join("."), issue.message]);
    expect(issues({ kind: "hmac", signatureHeader: "X Sig" })).toEqual([
      ["signatureHeader", "Header names contain letters, digits and dashes only"],
    ]);
    expect(issues({ kind: "hmac", signatureHeader: "x", signedContent: "timestamp_body" })).toEqual([
      ["timestampHeader", "Name the header that carries the timestamp"],
    ]);
    expect(issues({ kind: "hmac", signatureHeader: "x", toleranceSeconds: "5" })).toEqual([
      ["toleranceSeconds", "At least 30 seconds"],
    ]);
    expect(issues({ kind: "hmac", signatureHeader: "x", algorithm: "md5" })?.[0][0]).toBe("algorithm");
    expect(issues({ kind: "rsa" })?.[0][0]).toBe("kind");
  });

  it("treats an empty optional header as none", () => {
    expect(verificationProfileSchema.parse({ kind: "url_token", idHeader: "  " })).toEqual({
      kind: "url_token",
      idHeader: undefined,
    });
  });
});

describe("pasted secrets", () => {
  it("takes any printable text for HMAC, and whsec_/base64 for Standard Webhooks", () => {
    expect(explainUnusableSecret("hmac", "It's-a-Secret-to-Everybody")).toBeNull();
    expect(explainUnusableSecret("hmac", "short")).toMatch(/too short/);
    expect(explainUnusableSecret("standard_webhooks", "whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBeNull();
    expect(explainUnusableSecret("standard_webhooks", "MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw")).toBeNull();
    expect(explainUnusableSecret("standard_webhooks", "not-base64!")).toMatch(/whsec_/);
    expect(explainUnusableSecret("standard_webhooks", "whsec_QUJD")).toMatch(/16 to 128 bytes/);
    expect(explainUnusableSecret("hmac", "plain-text-secret", "base64")).toMatch(/whsec_/);
    expect(explainUnusableSecret("url_token", "anything-long-enough")).toMatch(/generated/);
  });

  it("checks the pasted secret against the profile it comes with", () => {
    const issues = (input: unknown) =>
      updateVerificationInputSchema.safeParse(input).error?.issues.map((issue) => issue.path.join("."));
    expect(
      updateVerificationInputSchema.safeParse({
        profile: { kind: "hmac", signatureHeader: "x" },
        secret: " vendor-secret ",
      }).data?.secret,
    ).toBe("vendor-secret");
    expect(issues({ profile: { kind: "standard_webhooks" }, secret: "vendor-secret" })).toEqual(["secret"]);
    expect(issues({ profile: { kind: "url_token" }, secret: "vendor-secret" })).toEqual(["secret"]);
    expect(issues({ profile: { kind: "hmac", signatureHeader: "x" }, secret: "two words here" })).toContain("secret");
  });
});
