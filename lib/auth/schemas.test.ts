import { describe, expect, it } from "vitest";
import { confirmSignUpSchema, signUpSchema } from "./schemas";

describe("signUpSchema", () => {
  it("names the workspace after its owner when the optional name is left empty", () => {
    // The form sends every field, the empty ones as "".
    const parsed = signUpSchema.parse({
      name: " Ada Lovelace ",
      email: "Ada@Example.com",
      password: "analytical-engine",
      workspaceName: "",
    });
    expect(parsed).toEqual({
      name: "Ada Lovelace",
      email: "ada@example.com",
      password: "analytical-engine",
      workspaceName: "Ada Lovelace's workspace",
    });
    expect(
      signUpSchema.parse({ name: "Ada", email: "ada@example.com", password: "analytical-engine" }).workspaceName,
    ).toBe("Ada's workspace");
    expect(
      signUpSchema.parse({
        name: "Ada",
        email: "ada@example.com",
        password: "analytical-engine",
        workspaceName: "  Engines ",
      }).workspaceName,
    ).toBe("Engines");
  });

  it("explains each required field", () => {
    const result = signUpSchema.safeParse({ name: "", email: "nope", password: "short", workspaceName: "" });
    expect(result.success).toBe(false);
    const messages = Object.fromEntries(
      (result.error?.issues ?? []).map((issue) => [issue.path.join("."), issue.message]),
    );
    expect(messages).toEqual({
      name: "Enter your name",
      email: "Enter a valid email address",
      password: "Use at least 10 characters",
    });
  });
});

describe("confirmSignUpSchema", () => {
  it("takes the link's token and treats an empty password as none", () => {
    const token = "a".repeat(43);
    expect(confirmSignUpSchema.parse({ token, password: "", csrfToken: "x" })).toEqual({ token, password: undefined });
    expect(confirmSignUpSchema.parse({ token, password: "secret" })).toEqual({ token, password: "secret" });
    expect(confirmSignUpSchema.safeParse({ token: "short" }).success).toBe(false);
  });
});
