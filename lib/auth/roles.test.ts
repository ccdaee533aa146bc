import { describe, expect, it } from "vitest";
import { ROLE_SCOPES, SCOPES, assertScope, hasScope } from "./roles";

describe("roles and scopes", () => {
  it("lets owners do everything, and admins everything but setting how long history is kept", () => {
    for (const scope of SCOPES) {
      expect(hasScope("owner", scope)).toBe(true);
      expect(hasScope("admin", scope)).toBe(scope !== "retention.write");
    }
    expect(() => assertScope({ role: "admin" }, "retention.write")).toThrow(expect.objectContaining({ status: 403, message: "Only workspace owners can do this" }));
  });

  it("lets members read everything but secrets, and change nothing", () => {
    expect(ROLE_SCOPES.member).toEqual(["jobs.read", "deliveries.read", "endpoints.read", "apiKeys.read", "connection.read"]);
    expect(hasScope("member", "secrets.read")).toBe(false);
  });

  it("refuses with a 403 naming who may", () => {
    expect(() => assertScope({ role: "owner" }, "secrets.write")).not.toThrow();
    expect(() => assertScope({ role: "member" }, "endpoints.write")).toThrow(
      expect.objectContaining({ code: "FORBIDDEN", status: 403, message: "Only workspace owners and admins can do this" }),
    );
  });
});
