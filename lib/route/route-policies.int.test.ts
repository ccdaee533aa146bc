import { readdirSync } from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";

// Whoever the test says is asking, for the session wrapper.
const session = vi.hoisted(() => ({ membership: null as null | Record<string, string> }));
vi.mock("@/lib/auth/session", () => ({ getMembership: async () => session.membership }));

import { hasScope, ROLE_SCOPES, ROLES, type Role, SCOPES } from "@/lib/auth/roles";
import { createTestWorkspace } from "@/test/fixtures/workspace";
import { policyOf, type RoutePolicy } from "./route-options";

// Generated from the route files on disk and the roles table: every exported method of every
// app/**/route.ts says who may call it (its wrapper marks it), and every session route is tried
// by every role of lib/auth/roles.ts — refused with 403 exactly when the role lacks the route's
// scope. A new route without a policy, a new scope or a new role is covered without touching this
// file; the lists below only spell out, for review, what viewers and developers are refused.
const HTTP_METHODS = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"] as const;
const ORIGIN = "http://portal.test";

function routeFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return routeFiles(full);
    return entry.name === "route.ts" ? [full] : [];
  });
}

interface ExportedRoute {
  file: string;
  method: (typeof HTTP_METHODS)[number];
  handler: (request: Request, context: { params: Promise<Record<string, string>> }) => Promise<Response>;
  policy: RoutePolicy | undefined;
  /** A well-formed id for each [param] of the path, naming nothing. */
  params: Record<string, string>;
  url: string;
}

type SessionRoute = ExportedRoute & { policy: { caller: "member"; scope: (typeof SCOPES)[number] } };

const FILES = routeFiles(path.resolve("app")).sort();
const routes: ExportedRoute[] = [];
const sessionRoutes = () => routes.filter((route): route is SessionRoute => route.policy?.caller === "member");
const label = (route: ExportedRoute) => `${route.method} ${route.file.replace(/^app|\/route\.ts$/g, "")}`;
const refusedTo = (role: Role) =>
  sessionRoutes()
    .filter((route) => !hasScope(role, route.policy.scope))
    .map(label)
    .sort();

beforeAll(async () => {
  for (const file of FILES) {
    const module = (await import(file)) as Record<string, unknown>;
    const relative = path.relative(path.resolve("app"), path.dirname(file));
    const params = Object.fromEntries(
      [...relative.matchAll(/\[(?!\.\.\.)(\w+)\]/g)].map(([, name]) => [name, `missing_${name}`]),
    );
    const url = `${ORIGIN}/${relative.replace(/\[(?!\.\.\.)(\w+)\]/g, (_, name: string) => params[name]).replace(/\(\w+\)\//g, "")}`;
    for (const method of HTTP_METHODS) {
      const handler = module[method];
      if (typeof handler === "function")
        routes.push({
          file: path.relative(process.cwd(), file),
          method,
          handler: handler as ExportedRoute["handler"],
          policy: policyOf(handler),
          params,
          url,
        });
    }
  }
});

let workspaceId: string;
beforeAll(async () => {
  workspaceId = (await createTestWorkspace()).id;
});
afterAll(() => {
  session.membership = null;
});

describe("route policies", () => {
  it("finds the route files, each exporting at least one method", () => {
    expect(FILES.length).toBeGreaterThan(30);
    for (const file of FILES)
      expect(
        routes.some((route) => route.file === path.relative(process.cwd(), file)),
        file,
      ).toBe(true);
  });

  it("every exported method declares who may call it, through its wrapper", () => {
    const undeclared = routes.filter((route) => !route.policy).map((route) => `${route.method} ${route.file}`);
    expect(undeclared).toEqual([]);
    for (const route of routes) {
      if (route.policy?.caller === "member")
        expect(SCOPES, `${route.method} ${route.file}`).toContain(route.policy.scope);
    }
  });

  it("every session and user route lives under /api and every API-key route under /v1", () => {
    for (const route of routes) {
      if (route.policy?.caller === "member" || route.policy?.caller === "user")
        expect(route.file).toMatch(/^app\/api\//);
      if (route.policy?.caller === "api-key") expect(route.file).toMatch(/^app\/v1\//);
    }
  });

  it("the roles table has the four roles, each scope given to someone", () => {
    expect(Object.keys(ROLE_SCOPES)).toEqual(["owner", "admin", "developer", "viewer"]);
    expect(ROLES).toEqual(["owner", "admin", "developer", "viewer"]);
    for (const scope of SCOPES)
      expect(
        ROLES.some((role) => hasScope(role, scope)),
        scope,
      ).toBe(true);
  });

  it("viewers (who read jobs and delivery logs, change nothing and see no secret) are refused everything else", () => {
    expect(refusedTo("viewer")).toEqual([
      "DELETE /api/api-keys/[keyId]",
      "DELETE /api/invites/[inviteId]",
      "DELETE /api/members/[userId]",
      "DELETE /api/webhook-endpoints/[endpointId]",
      "DELETE /api/webhook-endpoints/[endpointId]/skipped",
      "DELETE /api/workspace",
      "GET /api/api-keys",
      "GET /api/audit-log",
      "GET /api/audit-log/actors",
      "GET /api/deliveries/[deliveryId]/curl",
      "GET /api/settings/connection",
      "GET /api/settings/inbound-secret",
      "GET /api/settings/inbound-webhook",
      "GET /api/settings/inbound-webhook/refusals",
      "GET /api/webhook-endpoints",
      "GET /api/webhook-endpoints/[endpointId]",
      "GET /api/webhook-endpoints/[endpointId]/secret",
      "PATCH /api/members/[userId]",
      "PATCH /api/webhook-endpoints/[endpointId]",
      "PATCH /api/workspace",
      "POST /api/api-keys",
      "POST /api/deliveries/[deliveryId]/resend",
      "POST /api/invites",
      "POST /api/invites/[inviteId]/resend",
      "POST /api/settings/connection/test",
      "POST /api/settings/inbound-secret/rotate",
      "POST /api/settings/inbound-webhook/test",
      "POST /api/webhook-endpoints",
      "POST /api/webhook-endpoints/[endpointId]/enable",
      "POST /api/webhook-endpoints/[endpointId]/replay",
      "POST /api/webhook-endpoints/[endpointId]/secret/rotate",
      "POST /api/webhook-endpoints/[endpointId]/skipped",
      "POST /api/webhook-endpoints/[endpointId]/test",
      "POST /api/workspace/transfer",
      "PUT /api/alerts/config",
      "PUT /api/settings/connection",
      "PUT /api/settings/inbound-webhook",
      "PUT /api/settings/retention",
    ]);
  });

  it("developers may also resend, replay, send test events and keep API keys, and nothing of the connection, secrets or members", () => {
    expect(refusedTo("developer")).toEqual([
      "DELETE /api/invites/[inviteId]",
      "DELETE /api/members/[userId]",
      "DELETE /api/webhook-endpoints/[endpointId]",
      "DELETE /api/workspace",
      "GET /api/audit-log",
      "GET /api/audit-log/actors",
      "GET /api/deliveries/[deliveryId]/curl",
      "GET /api/settings/connection",
      "GET /api/settings/inbound-secret",
      "GET /api/settings/inbound-webhook",
      "GET /api/settings/inbound-webhook/refusals",
      "GET /api/webhook-endpoints/[endpointId]/secret",
      "PATCH /api/members/[userId]",
      "PATCH /api/webhook-endpoints/[endpointId]",
      "PATCH /api/workspace",
      "POST /api/invites",
      "POST /api/invites/[inviteId]/resend",
      "POST /api/settings/connection/test",
      "POST /api/settings/inbound-secret/rotate",
      "POST /api/settings/inbound-webhook/test",
      "POST /api/webhook-endpoints",
      "POST /api/webhook-endpoints/[endpointId]/enable",
      "POST /api/webhook-endpoints/[endpointId]/secret/rotate",
      "POST /api/workspace/transfer",
      "PUT /api/alerts/config",
      "PUT /api/settings/connection",
      "PUT /api/settings/inbound-webhook",
      "PUT /api/settings/retention",
    ]);
  });

  it("admins are refused only deleting the workspace and handing it over; owners nothing", () => {
    expect(refusedTo("admin")).toEqual(["DELETE /api/workspace", "POST /api/workspace/transfer"]);
    expect(refusedTo("owner")).toEqual([]);
  });

  it.each(ROLES)("a %s is refused (403) exactly the session routes whose scope the role lacks", async (role) => {
    expect(sessionRoutes().length).toBeGreaterThan(30);
    for (const [index, route] of sessionRoutes().entries()) {
      // A user of its own per call: the budget of changes is per user.
      session.membership = {
        userId: `user_${role}_${index}`,
        email: `${role}@example.com`,
        workspaceId,
        workspaceName: "Policies",
        role,
      };
      const abort = new AbortController();
      const hasBody = route.method !== "GET" && route.method !== "HEAD";
      const request = new Request(route.url, {
        method: route.method,
        headers: { origin: ORIGIN, "content-type": "application/json" },
        body: hasBody ? "{}" : undefined,
        signal: abort.signal,
      });
      const response = await route.handler(request, { params: Promise.resolve(route.params) });
      const name = `${role}: ${route.method} ${route.file} (${route.policy.scope})`;
      if (hasScope(role, route.policy.scope)) {
        expect(response.status, name).not.toBe(403);
        expect(response.status, name).toBeLessThan(500);
        abort.abort();
        await response.body?.cancel().catch(() => undefined);
      } else {
        expect({ status: response.status, body: await response.json() }, name).toEqual({
          status: 403,
          body: { error: { code: "FORBIDDEN", message: expect.stringMatching(/^Only workspace .+ can do this$/) } },
        });
      }
      expect(response.headers.get("cache-control"), name).toBeTruthy();
    }
  });
});
