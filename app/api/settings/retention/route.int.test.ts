import { describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ workspaceId: "", role: "owner" }));
vi.mock("@/lib/auth/session", () => ({
  getMembership: async () => ({
    userId: `u_${session.role}`,
    email: "t@example.com",
    workspaceId: session.workspaceId,
    workspaceName: "t",
    role: session.role,
  }),
}));

import { GET, PUT } from "@/app/api/settings/retention/route";
import { prisma } from "@/lib/db/client";
import { createTestWorkspace } from "@/test/fixtures/workspace";

const request = (method: string, body?: unknown) =>
  new Request("http://portal.test/api/settings/retention", {
    method,
    headers: { origin: "http://portal.test", "content-type": "application/json" },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
const context = { params: Promise.resolve({}) };

describe("Settings → Retention", () => {
  it("keeps 90 days by default; an owner changes it; out-of-range values change nothing", async () => {
    session.workspaceId = (await createTestWorkspace()).id;
    session.role = "owner";
    expect(await (await GET(request("GET"), context)).json()).toEqual({ days: 90 });

    expect((await PUT(request("PUT", { days: 30 }), context)).status).toBe(204);
    expect(await (await GET(request("GET"), context)).json()).toEqual({ days: 30 });

    for (const [days, message] of [
      [0, "days: Keep history for at least 1 day"],
      [3651, "days: Keep history for at most 3650 days (10 years)"],
      [1.5, "days: Enter a whole number of days"],
      ["30", "days: Enter a number of days"],
    ] as const) {
      const response = await PUT(request("PUT", { days }), context);
      expect(response.status).toBe(400);
      expect(await response.json()).toMatchObject({ error: { code: "INVALID_REQUEST", message } });
    }
    expect(await (await GET(request("GET"), context)).json()).toEqual({ days: 30 });
  });

  it("lets every role read it, and only owners and admins change it", async () => {
    session.workspaceId = (await createTestWorkspace()).id;
    for (const role of ["developer", "viewer"]) {
      session.role = role;
      expect(await (await GET(request("GET"), context)).json()).toEqual({ days: 90 });
      const response = await PUT(request("PUT", { days: 7 }), context);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({
        error: { code: "FORBIDDEN", message: "Only workspace owners and admins can do this" },
      });
    }
    session.role = "admin";
    expect(await (await GET(request("GET"), context)).json()).toEqual({ days: 90 });
    expect((await PUT(request("PUT", { days: 7 }), context)).status).toBe(204);
    expect(await (await GET(request("GET"), context)).json()).toEqual({ days: 7 });
    // Only the change is in the audit log, with the old and the new period; the refusals left nothing.
    expect(
      await prisma.auditLogEntry.findMany({
        where: { workspaceId: session.workspaceId },
        select: { action: true, actorId: true, details: true },
      }),
    ).toEqual([{ action: "retention.updated", actorId: "u_admin", details: { from: "90 days", to: "7 days" } }]);
  });
});
