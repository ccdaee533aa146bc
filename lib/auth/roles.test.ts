import { describe, expect, it } from "vitest";
import { ROLE_SCOPES, SCOPES, assertScope, hasScope } from "./roles";

describe("roles and scopes", () => {
  it("lets owners and admins do everything", () => {
    for (const scope of SCOPES) {
      expect(hasScope("owner", scope)).toBe(true);
      expect(hasScope("admin", scope)).toBe(true);
    }
  });

  it("lets members read everything but secrets, and change nothing", () => {
    expect(ROLE_SCOPES.member).toEqual(["jobs.read", "deliveries.read", "endpoints.read", "apiKeys.read", "connection.read", "alerts.read"]);
    expect(hasScope("member", "secrets.read")).toBe(false);
  });

  it("refuses with a 403 naming who may", () => {
    expect(() => assertScope({ role: "owner" }, "secrets.write")).not.toThrow();
    expect(() => assertScope({ role: "member" }, "endpoints.write")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", status: 403, message: "Only workspace owners and admins can do this" }),
    );
  });
});
