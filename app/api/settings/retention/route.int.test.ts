import { describe, expect, it, vi } from "vitest";

const session = vi.hoisted(() => ({ workspaceId: "", role: "owner" }));
vi.mock("@/lib/auth/session", () => ({
  getMembership: async () => ({ userId: `u_${session.role}`, email: "t@example.com", workspaceId: session.workspaceId, workspaceName: "t", role: session.role }),
}));

import { GET, PUT } from "@/app/api/settings/retention/route";
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

  it("lets admins and members read it, and only owners change it", async () => {
    session.workspaceId = (await createTestWorkspace()).id;
    for (const role of ["admin", "member"]) {
      session.role = role;
      expect(await (await GET(request("GET"), context)).json()).toEqual({ days: 90 });
      const response = await PUT(request("PUT", { days: 7 }), context);
      expect(response.status).toBe(403);
      expect(await response.json()).toEqual({ error: { code: "FORBIDDEN", message: "Only workspace owners can do this" } });
    }
    session.role = "owner";
    expect(await (await GET(request("GET"), context)).json()).toEqual({ days: 90 });
  });
});
