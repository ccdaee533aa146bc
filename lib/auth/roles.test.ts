import { describe, expect, it } from "vitest";
import { assertScope, describeWhoMay, hasScope, ROLE_SCOPES, ROLES, SCOPES } from "./roles";

describe("roles and scopes", () => {
  it("lets owners do everything, and admins everything but deleting and handing over the workspace", () => {
    for (const scope of SCOPES) expect(hasScope("owner", scope)).toBe(true);
    expect(SCOPES.filter((scope) => !hasScope("admin", scope))).toEqual(["workspace.delete", "workspace.transfer"]);
  });

  it("lets viewers read jobs, timelines, outputs, delivery logs and alerts, and change nothing", () => {
    expect(ROLE_SCOPES.viewer).toEqual(["jobs.read", "deliveries.read", "members.read", "alerts.read"]);
    expect(ROLE_SCOPES.viewer.some((scope) => scope.endsWith(".write") || scope.startsWith("secrets."))).toBe(false);
  });

  it("lets developers do what viewers do, plus resend/replay, test events and API keys of their own", () => {
    expect(ROLE_SCOPES.developer.filter((scope) => !hasScope("viewer", scope))).toEqual([
      "deliveries.write",
      "endpoints.read",
      "apiKeys.read",
      "apiKeys.write",
    ]);
    for (const scope of [
      "apiKeys.manage",
      "endpoints.write",
      "connection.read",
      "secrets.read",
      "members.write",
      "audit.read",
      "alerts.write",
    ] as const) {
      expect(hasScope("developer", scope)).toBe(false);
    }
  });

  it("orders the roles so each has every power of the ones below it", () => {
    for (const [index, role] of ROLES.entries()) {
      for (const below of ROLES.slice(index + 1))
        for (const scope of ROLE_SCOPES[below])
          expect(hasScope(role, scope), `${role} ⊇ ${below}: ${scope}`).toBe(true);
    }
  });

  it("names who may, in the 403's words", () => {
    expect(describeWhoMay("secrets.write")).toBe("owners and admins");
    expect(describeWhoMay("deliveries.write")).toBe("owners, admins and developers");
    expect(describeWhoMay("workspace.delete")).toBe("owners");
    expect(describeWhoMay("alerts.write")).toBe("owners and admins");
    expect(describeWhoMay("retention.write")).toBe("owners and admins");
    expect(() => assertScope({ role: "owner" }, "secrets.write")).not.toThrow();
    expect(() => assertScope({ role: "viewer" }, "endpoints.write")).toThrow(
      expect.objectContaining({
        code: "FORBIDDEN",
        status: 403,
        message: "Only workspace owners and admins can do this",
      }),
    );
  });
});
